using AfterSales.Core.Application;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Events:MaxFutureSkew</c>, <c>Events:MaxPastAge</c>, <c>Events:MaxScheduleAhead</c> and <c>Events:RejectedRetention</c>.</summary>
internal static class EventSettingsReader
{
    public static EventSettings Read(IConfigurationSection events, SettingsErrors errors)
    {
        var group = new SettingsGroup(events, errors, "MaxFutureSkew", "MaxPastAge", "MaxScheduleAhead", "RejectedRetention");
        var maxFutureSkew = group.Value<Duration>("MaxFutureSkew", DurationSetting.TryParse, required: true) ?? Duration.FromDays(1);
        var retention = group.Value<Duration>("RejectedRetention", DurationSetting.TryParse, required: false) ?? RejectedEventRetention.Default;
        if (retention < RejectedEventRetention.Min || retention > RejectedEventRetention.Max)
            group.Error("RejectedRetention", $"'{group.Section["RejectedRetention"]}' is out of range: use P1D to P{RejectedEventRetention.Max.Days}D");
        return new EventSettings(maxFutureSkew)
        {
            MaxPastAge = group.Value<Duration>("MaxPastAge", DurationSetting.TryParse, required: false) ?? Events.EventTimeWindow.DefaultMaxPastAge,
            MaxScheduleAhead = group.Value<Duration>("MaxScheduleAhead", DurationSetting.TryParse, required: false) ?? Events.EventTimeWindow.DefaultMaxScheduleAhead,
            RejectedRetention = retention,
        };
    }
}
