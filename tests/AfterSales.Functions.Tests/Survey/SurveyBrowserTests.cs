using AfterSales.Core.Texts;
using AfterSales.Functions.Tests.Support;
using Microsoft.Playwright;

namespace AfterSales.Functions.Tests.Survey;

/// <summary>
/// The survey link opened in a real browser (Debian's Chromium, driven by Playwright) on a phone-sized screen: tap a
/// score, send, read the answer. With AFTERSALES_SURVEY_SCREENSHOTS=DIR each page is also saved as a PNG.
/// </summary>
public sealed class SurveyBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_customer_taps_4_sends_and_reads_the_thank_you_page_and_the_rating_is_stored()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00", ("Texts:CompanyName", "华东售后服务中心"));
        var token = await SentSurvey.SendAsync(app, "T-1");
        await using var site = await SurveySite.StartAsync(app);
        await using var browser = await BrowserAsync();
        var page = await PhoneAsync(browser, "zh-CN");

        await page.GotoAsync(site.Link(token));
        await ShotAsync(page, "form-zh-CN");
        await page.GetByLabel("4 满意").CheckAsync();
        await page.GetByLabel("还有什么想告诉我们的吗？（选填）").FillAsync("师傅很专业");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("感谢您的评价！");
        await ShotAsync(page, "thanks-zh-CN");
        Assert.Equal(4, await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task Every_choice_is_a_labelled_target_of_at_least_44_px_reached_in_order_by_keyboard()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");
        await using var site = await SurveySite.StartAsync(app);
        await using var browser = await BrowserAsync();
        var page = await PhoneAsync(browser, "zh-CN");
        await page.GotoAsync(site.Link(token));

        var choices = page.Locator("label.score");
        Assert.Equal(5, await choices.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var box = await choices.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Height: >= 44, Width: >= 44 }, $"choice {i + 1} is {box?.Width}×{box?.Height} px");
        }
        var send = await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).BoundingBoxAsync();
        Assert.True(send is { Height: >= 44 });

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("rating", await page.EvaluateAsync<string>("document.activeElement.name"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
    }

    [Fact]
    public async Task Sending_with_no_score_keeps_the_customer_on_the_survey_without_a_round_trip()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");
        await using var site = await SurveySite.StartAsync(app);
        await using var browser = await BrowserAsync();
        var page = await PhoneAsync(browser, "zh-CN");
        await page.GotoAsync(site.Link(token));

        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        Assert.False(await page.Locator("input[name=rating]").First.EvaluateAsync<bool>("e => e.validity.valid"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("服务满意度评价");
        Assert.Null(await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task An_answered_expired_or_forged_link_shows_a_page_a_person_understands()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");
        await using var site = await SurveySite.StartAsync(app);
        await using var browser = await BrowserAsync();
        var page = await PhoneAsync(browser, "zh-CN");
        await page.GotoAsync(site.Link(token));
        await page.GetByLabel("5 非常满意").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("感谢您的评价！");

        var answered = await page.GotoAsync(site.Link(token));
        Assert.Equal(409, answered!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("您为本次服务打了 5 分");
        await ShotAsync(page, "answered-zh-CN");

        var forged = await page.GotoAsync(site.Link(token[..^4] + "abcd"));
        Assert.Equal(400, forged!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("链接无效");
        await ShotAsync(page, "forged-zh-CN");

        app.SetTime("2026-11-13 12:00");
        var expired = await page.GotoAsync(site.Link(token));
        Assert.Equal(410, expired!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("评价链接已过期");
        await ShotAsync(page, "expired-zh-CN");
    }

    [Fact]
    public async Task An_english_customer_rates_in_english()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00", ("Texts:CompanyName", "Contoso Service"));
        var token = await SentSurvey.SendAsync(app, "T-2", "en", "Heating does not start");
        await using var site = await SurveySite.StartAsync(app);
        await using var browser = await BrowserAsync();
        var page = await PhoneAsync(browser, "en-GB");

        await page.GotoAsync(site.Link(token));
        await ShotAsync(page, "form-en");
        await page.GetByLabel("2 Dissatisfied").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your rating!");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A service manager will contact you today");
        await ShotAsync(page, "thanks-en");
        var expiredPage = await page.GotoAsync(site.Link(token[..^4] + "abcd"));
        Assert.Equal(400, expiredPage!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link is not valid");
        await ShotAsync(page, "forged-en");
    }

    private static async Task<BrowserSession> BrowserAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new BrowserSession(playwright, browser);
    }

    private static async Task<IPage> PhoneAsync(BrowserSession session, string locale)
    {
        var context = await session.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
        });
        // Generous waits: CI shares two cores between the browser, Azurite and the tests.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("AFTERSALES_SURVEY_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"survey-{name}.png"), FullPage = true });
    }

    private sealed class BrowserSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public IBrowser Browser => browser;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
