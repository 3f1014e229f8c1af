using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Events:MaxFutureSkew</c>.</summary>
internal static class EventSettingsReader
{
    public static EventSettings Read(IConfigurationSection events, SettingsErrors errors)
    {
        var group = new SettingsGroup(events, errors, "MaxFutureSkew");
        var maxFutureSkew = group.Value<Duration>("MaxFutureSkew", DurationSetting.TryParse, required: true) ?? Duration.FromDays(1);
        return new EventSettings(maxFutureSkew);
    }
}
