namespace AfterSales.Core.Settings;

/// <summary>Reads <c>Sweep:MaxParallelism</c>.</summary>
internal static class SweepSettingsReader
{
    public const int MaxParallelismLimit = 256;

    public static SweepSettings Read(Microsoft.Extensions.Configuration.IConfigurationSection sweep, SettingsErrors errors)
    {
        var group = new SettingsGroup(sweep, errors, "MaxParallelism");
        var value = group.Value<int>("MaxParallelism", IntegerSetting.TryParse, required: true);
        if (value is { } v && v is < 1 or > MaxParallelismLimit)
        {
            group.Error("MaxParallelism", $"'{v}' is not a number of tickets swept at once from 1 to {MaxParallelismLimit}");
            return SweepSettings.Default;
        }
        return value is { } parallelism ? new SweepSettings(parallelism) : SweepSettings.Default;
    }
}
