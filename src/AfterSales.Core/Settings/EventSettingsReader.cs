using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Events:MaxFutureSkew</c>, <c>Events:MaxPastAge</c> and <c>Events:MaxScheduleAhead</c>.</summary>
internal static class EventSettingsReader
{
    public static EventSettings Read(IConfigurationSection events, SettingsErrors errors)
    {
        var group = new SettingsGroup(events, errors, "MaxFutureSkew", "MaxPastAge", "MaxScheduleAhead");
        var maxFutureSkew = group.Value<Duration>("MaxFutureSkew", DurationSetting.TryParse, required: true) ?? Duration.FromDays(1);
        return new EventSettings(maxFutureSkew)
        {
            MaxPastAge = group.Value<Duration>("MaxPastAge", DurationSetting.TryParse, required: false) ?? Events.EventTimeWindow.DefaultMaxPastAge,
            MaxScheduleAhead = group.Value<Duration>("MaxScheduleAhead", DurationSetting.TryParse, required: false) ?? Events.EventTimeWindow.DefaultMaxScheduleAhead,
        };
    }
}
