using AfterSales.Functions.Tests.Support;
using Microsoft.Playwright;

namespace AfterSales.Functions.Tests.Survey;

/// <summary>
/// A customer's phone with a survey link: the app over Azurite with one survey sent, the SurveyResponse function served
/// on 127.0.0.1, and Debian's Chromium (Playwright) at 390×844 in the customer's locale, already on the link.
/// </summary>
internal sealed class SurveyOnPhone : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly SurveySite site;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private SurveyOnPhone(FunctionsApp app, SurveySite site, IPlaywright playwright, IBrowser browser, IPage page, string token)
    {
        App = app;
        this.site = site;
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        Token = token;
    }

    public FunctionsApp App { get; }

    public IPage Page { get; }

    public string Token { get; }

    public string Link(string token) => site.Link(token);

    public static async Task<SurveyOnPhone> OpenAsync(string ticketId = "T-1", string locale = "zh-CN", string? company = null, string summary = "空调不制冷")
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run does).");
        var app = await FunctionsApp.StartAsync("2026-10-13 12:00", company is null ? [] : [("Texts:CompanyName", company)]);
        var token = await SentSurvey.SendAsync(app, ticketId, locale, summary);
        var site = await SurveySite.StartAsync(app);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale == "en" ? "en-GB" : locale,
        });
        // Generous waits: CI shares two cores between the browser, Azurite and the tests.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Link(token));
        return new SurveyOnPhone(app, site, playwright, browser, page, token);
    }

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary>With AFTERSALES_SURVEY_SCREENSHOTS=DIR, the page as the phone shows it, saved as survey-NAME.png.</summary>
    public async Task ShotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("AFTERSALES_SURVEY_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"survey-{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await site.DisposeAsync();
        await App.DisposeAsync();
    }
}
