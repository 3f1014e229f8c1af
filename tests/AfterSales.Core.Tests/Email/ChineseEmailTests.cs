using System.Text.RegularExpressions;
using AfterSales.Core.Email;
using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Email;

public partial class ChineseEmailTests
{
    private static readonly Customer ChineseCustomer = TicketScript.Customer;

    /// <summary>Every level of the default ladder, each rendered in zh-CN for a ticket that goes all the way up.</summary>
    public static TheoryData<string> DefaultLevels() =>
        [.. SettingsDefaults.Values.Keys
            .Where(k => k.StartsWith("Escalation:Ladder:", StringComparison.Ordinal) && k.EndsWith(":Expectation", StringComparison.Ordinal))
            .Select(k => LadderLevelName.StepName(k.Split(':')[2]))];

    [Theory]
    [MemberData(nameof(DefaultLevels))]
    public void A_zh_CN_escalation_email_of_every_default_level_has_no_english_default_sentence(string level)
    {
        var settings = TestSettings.With(("Email:Locale", "zh-CN"));
        var engine = new SlaEngine(settings);
        var ticket = new TicketScript("T-9").Opened("2026-10-12 09:00", "P1", customer: ChineseCustomer);
        var opened = (TicketOpened)ticket.Events[0];
        ticket.Events[0] = opened with { Summary = "信号服务器宕机" };
        var at = At("2026-10-30 09:00");
        var step = engine.Assess(ticket.History, at).Planned.First(s => s.Level == level);

        var email = new EscalationEmailRenderer(settings, engine).Render(ticket.History, step, [], at);

        foreach (var sentence in LadderExpectations.EnglishDefaults)
        {
            Assert.DoesNotContain(sentence, email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(sentence, email.Html, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(ThreeEnglishWords(), email.Text);
        Assert.DoesNotMatch(ThreeEnglishWords(), email.Subject);
    }

    [Fact]
    public void Every_default_ladder_sentence_has_a_zh_CN_translation()
    {
        var defaults = SettingsDefaults.Values
            .Where(p => p.Key.StartsWith("Escalation:Ladder:", StringComparison.Ordinal) && p.Key.EndsWith(":Expectation", StringComparison.Ordinal))
            .Select(p => p.Value!)
            .ToList();

        Assert.NotEmpty(defaults);
        Assert.All(defaults, sentence => Assert.NotEqual(sentence, LadderExpectations.For(sentence, "zh-CN")));
    }

    [Fact]
    public void An_admins_own_sentence_is_shown_as_written_and_english_emails_keep_the_english_default()
    {
        Assert.Equal("马上给客户打电话。", LadderExpectations.For("马上给客户打电话。", "zh-CN"));
        Assert.Equal("A P1 promise was missed.", LadderExpectations.For("A P1 promise was missed.", "en"));
    }

    [GeneratedRegex("[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex ThreeEnglishWords();
}
