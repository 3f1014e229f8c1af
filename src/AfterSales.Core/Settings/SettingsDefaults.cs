using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>
/// Every default, as configuration keys. Meant as the first configuration layer
/// (<c>AddInMemoryCollection(SettingsDefaults.Values)</c>), below appsettings/settings JSON and environment variables.
/// </summary>
public static class SettingsDefaults
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = Build();

    /// <summary>Whether any key under <paramref name="section"/> is set to something other than its default.</summary>
    public static bool AreChangedUnder(IConfiguration configuration, string section) =>
        configuration.GetSection(section).AsEnumerable()
            .Any(kv => kv.Value is not null && !(Values.TryGetValue(kv.Key, out var value) && value == kv.Value));

    private const string WorkingDay = "08:30-17:30";

    private const string ChinaHolidays2026 =
        "2026-01-01..2026-01-03,2026-02-15..2026-02-23,2026-04-04..2026-04-06,2026-05-01..2026-05-05," +
        "2026-06-19..2026-06-21,2026-09-25..2026-09-27,2026-10-01..2026-10-07";

    private const string ChinaMakeUpDays2026 = "2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10";

    private static Dictionary<string, string?> Build()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Calendars:Business:TimeZone"] = "Asia/Shanghai",
            ["Calendars:Business:Hours:Monday"] = WorkingDay,
            ["Calendars:Business:Hours:Tuesday"] = WorkingDay,
            ["Calendars:Business:Hours:Wednesday"] = WorkingDay,
            ["Calendars:Business:Hours:Thursday"] = WorkingDay,
            ["Calendars:Business:Hours:Friday"] = WorkingDay,
            ["Calendars:Business:Hours:Saturday"] = "",
            ["Calendars:Business:Hours:Sunday"] = "",
            ["Calendars:Business:Holidays"] = ChinaHolidays2026,
            ["Calendars:Business:MakeUpDays"] = ChinaMakeUpDays2026,
            ["Calendars:Business:MakeUpDayHours"] = WorkingDay,
            ["Calendars:Business:HolidayYears"] = "2026",
            ["Sla:WarningAt"] = "75%",
            ["Escalation:DefaultTeam"] = "Default",
            ["Events:MaxFutureSkew"] = "P1D",
            ["Events:MaxPastAge"] = "P365D",
            ["Events:MaxScheduleAhead"] = "P365D",
            ["Events:RejectedRetention"] = "P90D",
            ["Sweep:MaxParallelism"] = "32",
            ["Email:Mode"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = "",
            ["Email:From"] = "",
            ["Email:FromName"] = "AfterSales",
            ["Email:PickupDirectory"] = "mail-pickup",
            ["Email:Locale"] = "zh-CN",
            ["Email:TicketUrl"] = "",
            ["Email:SendTimeout"] = "PT30S",
            ["Email:MaxAttempts"] = "4",
            ["Email:RetryDelay"] = "PT2S",
            ["Email:MaxRetryDelay"] = "PT1M",
            ["Email:FailureSummaryInterval"] = "PT1H",
            ["Email:GiveUpAfter"] = "P1D",
            ["MajorIncident:Priorities"] = "P1",
            ["MajorIncident:Chain"] = "DutyManager,DepartmentHead,Manager",
            ["MajorIncident:FaultReportDue"] = "P3D",
            ["MajorIncident:FaultReportCalendar"] = "Business",
            ["ThreeStrikes:Count"] = "3",
            ["ThreeStrikes:Window"] = "P90D",
            ["ThreeStrikes:Categories"] = "",
            ["ThreeStrikes:Role"] = "Manager",
            ["CalendarCoverage:NoticeBefore"] = "P60D",
            ["CalendarCoverage:Role"] = "Admin",
        };

        Policy(values, "P1", 10, "P1", "", "24x7", "PT10M", "", "PT1H", "PT4H");
        Policy(values, "P2", 20, "P2", "", "24x7", "PT10M", "", "PT4H", "PT24H");
        Policy(values, "Complaint", 30, "", "complaint", "Business", "PT4H", "", "PT6H", "P1D");
        Policy(values, "P4", 40, "P4", "inquiry", "Business", "P1D", "PT6H", "", "P7D");
        Policy(values, "P3", 50, "P3", "", "Business", "PT30M", "", "PT6H", "P3D");

        Level(values, "Warning", "Warning", "", "PT0S", "Owner", "", false, "Check progress now: this promise is about to be missed.");
        Level(values, "Supervisor", "Breach", "FirstResponse,Update,Commitment", "PT0S", "Supervisor", "", false, "Make sure the customer hears from us now.");
        Level(values, "DepartmentHead", "Breach", "Resolution", "PT0S", "DepartmentHead", "", false, "Answer within 24 h with a plan to resolve the ticket.");
        Level(values, "HeadUnanswered", "Breach", "Resolution", "P1D", "Manager", "", true, "The department head has not answered in 24 h: take over.");
        Level(values, "Day7", "Unresolved", "", "P7D", "Manager", "", false, "Unresolved for 7 days: reply to the customer personally.");
        Level(values, "Day15", "Unresolved", "", "P15D", "SeniorManager", "", false, "Unresolved for 15 days: senior management attention.");
        Level(values, "P1Opened", "Opened", "", "PT0S", "DutyManager", "P1", false, "Major incident opened: follow it until service is restored.");
        Level(values, "P1Breach", "Breach", "", "PT0S", "DutyManager", "P1", false, "A P1 promise was missed.");
        Texts.TextDefaults.AddTo(values);
        Reports.ReportDefaults.AddTo(values);
        // The Twilio client's defaults; the account itself (AccountSid, AuthToken, From) belongs to a deployment.
        values["Sms:ApiBase"] = "https://api.twilio.com/";
        values["Sms:Timeout"] = "PT10S";
        values["Sms:MaxRetries"] = "3";
        values["Sms:RetryDelay"] = "PT1S";
        values["Sms:MaxRetryAfter"] = "PT30S";
        values["Retention:MessageBodies"] = "P90D";
        values["Retention:ProcessedMessages"] = "P30D";
        return values;
    }

    private static void Policy(
        Dictionary<string, string?> values, string name, int precedence, string priorities, string categories, string calendar,
        string firstResponse, string firstResponseInWorkingHours, string update, string resolution)
    {
        var prefix = $"Sla:Policies:{name}:";
        values[prefix + "Enabled"] = "true";
        values[prefix + "Precedence"] = precedence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[prefix + "Priorities"] = priorities;
        values[prefix + "Categories"] = categories;
        values[prefix + "Calendar"] = calendar;
        values[prefix + "FirstResponse"] = firstResponse;
        values[prefix + "FirstResponseInWorkingHours"] = firstResponseInWorkingHours;
        values[prefix + "Update"] = update;
        values[prefix + "Resolution"] = resolution;
        values[prefix + "PauseOnHold"] = "false";
    }

    private static void Level(
        Dictionary<string, string?> values, string name, string trigger, string clocks, string after, string role,
        string priorities, bool unlessAnswered, string expectation)
    {
        var prefix = $"Escalation:Ladder:{name}:";
        values[prefix + "Enabled"] = "true";
        values[prefix + "Trigger"] = trigger;
        values[prefix + "Clocks"] = clocks;
        values[prefix + "After"] = after;
        values[prefix + "Role"] = role;
        values[prefix + "Priorities"] = priorities;
        values[prefix + "UnlessAnswered"] = unlessAnswered ? "true" : "false";
        values[prefix + "Expectation"] = expectation;
    }
}
