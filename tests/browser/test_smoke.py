from playwright.sync_api import Page, expect


def test_help_link_opens_crisis_page(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("link", name="Get help now").first.click()
    expect(page.locator("article h1")).to_contain_text("Get help now")
