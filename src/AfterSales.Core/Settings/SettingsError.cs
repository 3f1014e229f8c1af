namespace AfterSales.Core.Settings;

/// <param name="Key">The setting in environment-variable form, e.g. <c>Sla__Policies__P1__FirstResponse</c>.</param>
/// <param name="Message">What is wrong with it, quoting the value.</param>
public sealed record SettingsError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
