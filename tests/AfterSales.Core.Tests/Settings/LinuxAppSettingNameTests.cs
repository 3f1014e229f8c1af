using AfterSales.Core.Settings;
using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Settings;

public class LinuxAppSettingNameTests
{
    public static TheoryData<string> DefaultKeys => new(SettingsDefaults.Values.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public void Every_default_key_can_be_set_as_a_linux_app_setting(string key) =>
        Assert.Matches("^[A-Za-z0-9_.]+$", key.Replace(":", "__", StringComparison.Ordinal));

    public static TheoryData<string, string> ShippedLevels => new()
    {
        { "Warning", "warning" },
        { "Supervisor", "supervisor" },
        { "DepartmentHead", "department-head" },
        { "HeadUnanswered", "head-unanswered" },
        { "Day7", "day-7" },
        { "Day15", "day-15" },
        { "P1Opened", "p1-opened" },
        { "P1Breach", "p1-breach" },
    };

    [Theory]
    [MemberData(nameof(ShippedLevels))]
    public void A_shipped_level_keeps_the_step_name_its_step_keys_had_before_the_rename(string settingName, string stepName)
    {
        Assert.Equal(stepName, LadderLevelName.StepName(settingName));
        Assert.Contains(TestSettings.Load().Escalation.Ladder, l => l.Name == stepName);
    }

    [Fact]
    public void A_shipped_level_set_in_another_case_keeps_its_step_name()
    {
        var settings = TestSettings.Load(("Escalation:Ladder:departmenthead:After", "PT1H"));

        Assert.Equal(NodaTime.Duration.FromHours(1), Assert.Single(settings.Escalation.Ladder, l => l.Name == "department-head").After);
    }

    [Fact]
    public void A_level_name_with_a_hyphen_is_refused_saying_why_and_what_to_use()
    {
        var rejected = TestSettings.Rejected(
            ("Escalation:Ladder:vip-opened:Trigger", "Opened"),
            ("Escalation:Ladder:vip-opened:Role", "Supervisor"));

        var error = rejected.ErrorAt("Escalation__Ladder__vip-opened");
        Assert.Contains("only letters, digits, '_' and '.'", error.Message, StringComparison.Ordinal);
        Assert.Contains("VipOpened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_locale_written_as_bcp47_is_refused_saying_to_use_the_key_form()
    {
        var error = Assert.Single(
            Assert.Throws<SettingsValidationException>(() => TextTestSettings.With(("Texts:Templates:zh-CN:Progress", "工单{ticketNumber}"))).Errors);

        Assert.Equal("Texts__Templates__zh-CN", error.Key);
        Assert.Contains("only letters, digits, '_' and '.'", error.Message, StringComparison.Ordinal);
        Assert.Contains("zh_CN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_under_the_locale_key_form_is_the_template_of_that_locale()
    {
        var texts = TextTestSettings.With(("Texts:Templates:zh_CN:Progress", "工单{ticketNumber}处理中"));

        Assert.Equal("工单{ticketNumber}处理中", texts.Templates.For(AfterSales.Core.Texts.TextKind.Progress, "zh-CN").Source);
    }
}
