from seminar_nlp.cleaning import analysis_view, clean, token_form


def test_debris_lines_are_blanked_in_place() -> None:
    text = "Первая строка.\n.png)\n" + "_" * 40 + "\n![](https://x.org/a.png)\nПоследняя."
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert cleaned.splitlines() == ["Первая строка.", " " * 5, " " * 40, " " * 24, "Последняя."]


def test_site_furniture_lines_are_blanked_in_place() -> None:
    lines = ["Мы используем файлы cookie, чтобы сайт работал лучше. Принять",
             "Подписывайтесь на наш Telegram-канал", "© Пресс-служба КФУ",
             "2025 Пресс-служба. Все права защищены."]
    text = "Семинар прошёл в Казани.\n" + "\n".join(lines)
    assert clean(text).splitlines() == ["Семинар прошёл в Казани."] + [" " * len(line)
                                                                        for line in lines]


def test_a_long_text_line_about_cookies_is_kept() -> None:
    text = ("На семинаре обсудили, как сайты используют файлы cookie, " * 5).strip()
    assert len(text) > 200 and clean(text) == text


def test_odd_spaces_become_plain_spaces() -> None:
    assert clean("18\u00a0марта\u202fв\u2009Казани") == "18 марта в Казани"


def test_text_lines_that_only_mention_images_are_kept() -> None:
    text = "Фото: пресс-служба, файл photo.png) приложен"
    assert clean(text) == text


def test_soft_hyphen_keeps_a_word_whole_for_the_models() -> None:
    word = "инфор\u00adмация"
    assert len(analysis_view(word)) == len(word)
    assert token_form(word) == "информация"
