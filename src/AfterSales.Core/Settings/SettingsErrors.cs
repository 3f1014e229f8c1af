using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>Collects every problem found while reading settings, so that start-up reports them all at once.</summary>
internal sealed class SettingsErrors
{
    private readonly List<SettingsError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<SettingsError> All => _errors;

    public void Add(IConfigurationSection at, string message) => _errors.Add(new SettingsError(ForAdmins(at.Path), message));

    /// <summary>Admins type keys as app settings (environment variables), where <c>__</c> separates sections.</summary>
    public static string ForAdmins(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Reports every value set at or under <paramref name="section"/> as unknown.</summary>
    public void AddUnknown(IConfigurationSection section, string known)
    {
        var leaves = section.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key).ToList();
        if (leaves.Count == 0) leaves.Add(section.Path);
        foreach (var path in leaves)
        {
            _errors.Add(new SettingsError(ForAdmins(path), $"unknown setting (known here: {known})"));
        }
    }
}
