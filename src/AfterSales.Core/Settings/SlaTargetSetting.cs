using System.Diagnostics.CodeAnalysis;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>
/// An SLA target, in the syntax of <see cref="DurationSetting"/>: the days part (a week is 7 days) becomes
/// <see cref="SlaTarget.WorkingDays"/> and the time part <see cref="SlaTarget.WorkingTime"/>, so <c>P3D</c> is three
/// working days of the policy's calendar and <c>PT25H</c> is 25 working hours. Zero is rejected.
/// </summary>
public static class SlaTargetSetting
{
    public static bool TryParse(string text, out SlaTarget value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!DurationSyntax.TryParse(text, out var days, out var time, out error)) return false;
        if (days == 0 && time == Duration.Zero)
        {
            error = $"'{text}' is zero: a target must be longer than zero (leave it empty where a policy promises none)";
            return false;
        }

        value = new SlaTarget(days, time);
        return true;
    }
}
