using AfterSales.Core.Application;
using AfterSales.Core.Texts;
using AfterSales.Functions.Survey;
using AfterSales.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Functions.Tests.Survey;

/// <summary>The survey link's pages, through the SurveyResponse function over Azurite: what a customer gets for every outcome.</summary>
public sealed class SurveyPageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Opening_the_link_shows_the_survey_in_the_customers_language_and_records_nothing()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00", ("Texts:CompanyName", "华东售后服务中心"));
        var token = await SentSurvey.SendAsync(app, "T-1");

        var page = await OpenAsync(app, token);

        Assert.Equal(200, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("<html lang=\"zh-CN\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("华东售后服务中心", page.Body, StringComparison.Ordinal);
        Assert.Contains("工单 T-1", page.Body, StringComparison.Ordinal);
        Assert.Contains("空调不制冷", page.Body, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(page.Body, "type=\"radio\" name=\"rating\""));
        foreach (var words in SurveyPageText.Chinese.Scores) Assert.Contains(words, page.Body, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\"", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", page.Body.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task Every_page_forbids_caching_and_loads_nothing_from_anywhere()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");

        var page = await OpenAsync(app, token);

        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        var policy = page.Headers["Content-Security-Policy"];
        Assert.StartsWith("default-src 'none'; style-src 'nonce-", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        var nonce = policy.Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"<style nonce=\"{nonce}\">", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_low_score_with_a_comment_is_recorded_once_and_the_customer_is_told_a_manager_will_call_today()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");

        var thanks = await SubmitAsync(app, token, "2", "师傅迟到了两个小时");
        var again = await SubmitAsync(app, token, "5", null);

        Assert.Equal(200, thanks.StatusCode);
        Assert.Contains("感谢您的评价", thanks.Body, StringComparison.Ordinal);
        Assert.Contains("服务经理会在今天内与您联系", thanks.Body, StringComparison.Ordinal);
        Assert.Equal(2, await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
        Assert.Equal(409, again.StatusCode);
        Assert.Contains("您为本次服务打了 2 分", again.Body, StringComparison.Ordinal);
        var alert = await app.Get<IOutbox>().GetAsync("T-1", "T-1/rating/low-rating/1", None);
        Assert.NotNull(alert);
        Assert.Contains("师傅迟到了两个小时", alert!.Step.Expectation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_managers_alert_email_shows_the_customers_comment()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");
        await SubmitAsync(app, token, "1", "<b>没人来</b>");

        await app.InvokeAsync<OutboxRecovery>(f => f.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), None));

        var email = File.ReadAllText(Assert.Single(Directory.GetFiles(app.PickupDirectory, "*.eml")));
        var (text, html) = Parts(email);
        Assert.Contains("manager@example.com", email, StringComparison.Ordinal);
        Assert.Contains("客户留言：\u201c<b>没人来</b>\u201d", text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;没人来&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>没人来</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_without_a_score_shows_the_survey_again_saying_what_to_fix()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");

        var page = await SubmitAsync(app, token, null, "挺好");

        Assert.Equal(400, page.StatusCode);
        Assert.Contains("请选择 1 到 5 分", page.Body, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page.Body, StringComparison.Ordinal);
        Assert.Null(await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task A_comment_longer_than_500_characters_is_refused_and_nothing_is_recorded()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");

        var page = await SubmitAsync(app, token, "4", new string('好', 501));

        Assert.Equal(400, page.StatusCode);
        Assert.Contains("留言最多 500 字", page.Body, StringComparison.Ordinal);
        Assert.Null(await app.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task An_expired_forged_or_unknown_link_gets_a_page_saying_so_with_an_honest_status()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-1");
        var unknown = app.Get<TextSettings>().SurveyTokens().Issue("T-9", 1, ShanghaiTime.At("2026-11-30 00:00"));
        var forged = token[..^3] + "AAA";

        var forgedPage = await OpenAsync(app, forged);
        var unknownPage = await OpenAsync(app, unknown);
        var garbage = await OpenAsync(app, "hello");
        app.SetTime("2026-11-13 12:00");
        var expired = await OpenAsync(app, token);

        Assert.Equal((400, "链接无效"), (forgedPage.StatusCode, Heading(forgedPage)));
        Assert.Equal((404, "未找到这次评价"), (unknownPage.StatusCode, Heading(unknownPage)));
        Assert.Equal((400, "链接无效"), (garbage.StatusCode, Heading(garbage)));
        Assert.Equal((410, "评价链接已过期"), (expired.StatusCode, Heading(expired)));
        Assert.All([forgedPage, unknownPage, garbage, expired], p => Assert.Equal("text/html; charset=utf-8", p.ContentType));
    }

    [Fact]
    public async Task An_english_speaking_customer_gets_english_pages()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");
        var token = await SentSurvey.SendAsync(app, "T-2", "en", "Heating does not start");

        var form = await OpenAsync(app, token);
        var thanks = await SubmitAsync(app, token, "5", null);

        Assert.Contains("<html lang=\"en\">", form.Body, StringComparison.Ordinal);
        Assert.Contains("How satisfied are you with our service?", form.Body, StringComparison.Ordinal);
        Assert.Contains("Very satisfied", form.Body, StringComparison.Ordinal);
        Assert.Contains("Thank you for your rating!", thanks.Body, StringComparison.Ordinal);
        Assert.Contains("glad we could help", thanks.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_that_prefers_english_reads_a_refusal_in_english_when_the_link_names_no_ticket()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-13 12:00");

        var page = await OpenAsync(app, "not-a-token", "en-GB,en;q=0.9");

        Assert.Equal(400, page.StatusCode);
        Assert.Equal("This link is not valid", Heading(page));
    }

    internal static async Task<Page> OpenAsync(FunctionsApp app, string token, string? language = null)
    {
        var request = app.Request("GET", $"/api/s/{token}");
        if (language is not null) request.Headers.AcceptLanguage = language;
        return await RunAsync(app, request, token);
    }

    internal static async Task<Page> SubmitAsync(FunctionsApp app, string token, string? rating, string? comment)
    {
        var fields = new List<string>();
        if (rating is not null) fields.Add("rating=" + rating);
        if (comment is not null) fields.Add("comment=" + Uri.EscapeDataString(comment));
        var request = app.Request("POST", $"/api/s/{token}", string.Join('&', fields), "application/x-www-form-urlencoded");
        return await RunAsync(app, request, token);
    }

    private static async Task<Page> RunAsync(FunctionsApp app, HttpRequest request, string token)
    {
        var page = await app.InvokeAsync<SurveyResponse, HtmlPage>(f => f.Run(request, token, None));
        var context = request.HttpContext;
        await page.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new Page(context.Response.StatusCode, context.Response.ContentType ?? "", body,
            context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The plain-text and HTML bodies of a pickup .eml (each part base64).</summary>
    private static (string Text, string Html) Parts(string eml)
    {
        var parts = eml.Split("Content-Transfer-Encoding: base64").Skip(1)
            .Select(part => string.Concat(part.Split('\n').Select(l => l.Trim()).SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))))
            .Select(b64 => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64)))
            .ToList();
        return (parts[0], parts[1]);
    }

    private static string Heading(Page page) => page.Body.Split("<h1>")[1].Split("</h1>")[0];

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    internal sealed record Page(int StatusCode, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers);
}
