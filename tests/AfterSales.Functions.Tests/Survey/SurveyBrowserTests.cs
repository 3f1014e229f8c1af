using AfterSales.Core.Texts;
using Microsoft.Playwright;

namespace AfterSales.Functions.Tests.Survey;

/// <summary>
/// The survey link opened in a real browser (Debian's Chromium, driven by Playwright) on a phone-sized screen: tap a
/// score, send, read the answer. With AFTERSALES_SURVEY_SCREENSHOTS=DIR each page is also saved as a PNG.
/// </summary>
public sealed class SurveyBrowserTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_customer_taps_4_sends_and_reads_the_thank_you_page_and_the_rating_is_stored()
    {
        await using var phone = await SurveyOnPhone.OpenAsync(company: "华东售后服务中心");

        await phone.ShotAsync("form-zh-CN");
        await phone.Page.GetByLabel("4 满意").CheckAsync();
        await phone.Page.GetByLabel("还有什么想告诉我们的吗？（选填）").FillAsync("师傅很专业");
        await phone.Button("提交评价").ClickAsync();

        await Assertions.Expect(phone.Heading).ToHaveTextAsync("感谢您的评价！");
        await phone.ShotAsync("thanks-zh-CN");
        Assert.Equal(4, await phone.App.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task Every_choice_is_a_labelled_target_of_at_least_44_px_reached_in_order_by_keyboard()
    {
        await using var phone = await SurveyOnPhone.OpenAsync();

        var choices = phone.Page.Locator("label.score");
        Assert.Equal(5, await choices.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var box = await choices.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Height: >= 44, Width: >= 44 }, $"choice {i + 1} is {box?.Width}×{box?.Height} px");
        }
        Assert.True(await phone.Button("提交评价").BoundingBoxAsync() is { Height: >= 44 });

        await phone.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("rating", await phone.Page.EvaluateAsync<string>("document.activeElement.name"));
        await phone.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment", await phone.Page.EvaluateAsync<string>("document.activeElement.id"));
        await phone.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await phone.Page.EvaluateAsync<string>("document.activeElement.tagName"));
    }

    [Fact]
    public async Task Sending_with_no_score_keeps_the_customer_on_the_survey_without_a_round_trip()
    {
        await using var phone = await SurveyOnPhone.OpenAsync();

        await phone.Button("提交评价").ClickAsync();

        Assert.False(await phone.Page.Locator("input[name=rating]").First.EvaluateAsync<bool>("e => e.validity.valid"));
        await Assertions.Expect(phone.Heading).ToHaveTextAsync("服务满意度评价");
        Assert.Null(await phone.App.Get<ISurveys>().RatingOfAsync("T-1", "T-1/text/survey/1", None));
    }

    [Fact]
    public async Task An_answered_expired_or_forged_link_shows_a_page_a_person_understands()
    {
        await using var phone = await SurveyOnPhone.OpenAsync();
        await phone.Page.GetByLabel("5 非常满意").CheckAsync();
        await phone.Button("提交评价").ClickAsync();
        await Assertions.Expect(phone.Heading).ToHaveTextAsync("感谢您的评价！");

        var answered = await phone.Page.GotoAsync(phone.Link(phone.Token));
        Assert.Equal(409, answered!.Status);
        await Assertions.Expect(phone.Page.Locator("main")).ToContainTextAsync("您为本次服务打了 5 分");
        await phone.ShotAsync("answered-zh-CN");

        var forged = await phone.Page.GotoAsync(phone.Link(phone.Token[..^4] + "abcd"));
        Assert.Equal(400, forged!.Status);
        await Assertions.Expect(phone.Heading).ToHaveTextAsync("链接无效");
        await phone.ShotAsync("forged-zh-CN");

        phone.App.SetTime("2026-11-13 12:00");
        var expired = await phone.Page.GotoAsync(phone.Link(phone.Token));
        Assert.Equal(410, expired!.Status);
        await Assertions.Expect(phone.Heading).ToHaveTextAsync("评价链接已过期");
        await phone.ShotAsync("expired-zh-CN");
    }

    [Fact]
    public async Task An_english_customer_rates_in_english()
    {
        await using var phone = await SurveyOnPhone.OpenAsync("T-2", "en", "Contoso Service", "Heating does not start");

        await phone.ShotAsync("form-en");
        await phone.Page.GetByLabel("2 Dissatisfied").CheckAsync();
        await phone.Button("Send rating").ClickAsync();

        await Assertions.Expect(phone.Heading).ToHaveTextAsync("Thank you for your rating!");
        await Assertions.Expect(phone.Page.Locator("main")).ToContainTextAsync("A service manager will contact you today");
        await phone.ShotAsync("thanks-en");
        var forged = await phone.Page.GotoAsync(phone.Link(phone.Token[..^4] + "abcd"));
        Assert.Equal(400, forged!.Status);
        await Assertions.Expect(phone.Heading).ToHaveTextAsync("This link is not valid");
        await phone.ShotAsync("forged-en");
    }
}
