using Microsoft.Extensions.Configuration;

namespace AfterSales.Core.Settings;

/// <summary>
/// A configuration section with a fixed set of settings. Any other key under it is reported as unknown, so a
/// typo is caught at start-up rather than silently falling back to a default.
/// </summary>
internal sealed class SettingsGroup
{
    private readonly IConfigurationSection _section;
    private readonly SettingsErrors _errors;

    public SettingsGroup(IConfigurationSection section, SettingsErrors errors, params string[] known)
    {
        _section = section;
        _errors = errors;
        RejectValue(section, errors);
        var knownText = string.Join(", ", known);
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase)) errors.AddUnknown(child, knownText);
        }
    }

    public IConfigurationSection Section => _section;

    /// <summary>The named entries of a section such as <c>Sla:Policies</c>, whose keys are names admins choose.</summary>
    public static IEnumerable<IConfigurationSection> Entries(IConfigurationSection container, SettingsErrors errors)
    {
        RejectValue(container, errors);
        return container.GetChildren();
    }

    /// <summary>An entry with <c>Enabled=false</c> is removed; its other settings are not checked.</summary>
    public static bool IsEnabled(IConfigurationSection entry, SettingsErrors errors)
    {
        var enabled = entry.GetSection("Enabled");
        if (string.IsNullOrWhiteSpace(enabled.Value)) return true;
        if (BooleanSetting.TryParse(enabled.Value, out var value, out var error)) return value;
        errors.Add(enabled, error);
        return true;
    }

    /// <summary>The trimmed text of a setting; null when it is absent or empty (reported when <paramref name="required"/>).</summary>
    public string? Text(string name, bool required = false, bool isList = false)
    {
        var setting = _section.GetSection(name);
        var children = setting.GetChildren().ToList();
        if (children.Count > 0)
        {
            if (isList)
            {
                _errors.Add(setting, "lists are comma-separated strings such as 'a,b', not arrays or sections");
                return null;
            }

            foreach (var child in children) _errors.AddUnknown(child, $"none, {name} is a single value");
        }

        var text = setting.Value?.Trim();
        if (!string.IsNullOrEmpty(text)) return text;
        if (required) _errors.Add(setting, "is required but missing or empty");
        return null;
    }

    public T? Value<T>(string name, SettingParser<T> parse, bool required = false)
        where T : struct =>
        Parse(name, parse, required, out var value) ? value : null;

    public T? Reference<T>(string name, SettingParser<T> parse, bool required = false)
        where T : class =>
        Parse(name, parse, required, out var value) ? value : null;

    /// <summary>A comma-separated list; empty when absent; null when it was given as an array (reported).</summary>
    public IReadOnlyList<string>? List(string name)
    {
        if (_section.GetSection(name).GetChildren().Any())
        {
            Text(name, isList: true);
            return null;
        }

        return ListSetting.Parse(_section[name] ?? "");
    }

    /// <summary>Reports a problem with one setting of this group.</summary>
    public void Error(string name, string message) => _errors.Add(_section.GetSection(name), message);

    private bool Parse<T>(string name, SettingParser<T> parse, bool required, out T? value)
    {
        value = default;
        var text = Text(name, required);
        if (text is null) return false;
        if (parse(text, out var parsed, out var error))
        {
            value = parsed;
            return true;
        }

        _errors.Add(_section.GetSection(name), error);
        return false;
    }

    private static void RejectValue(IConfigurationSection section, SettingsErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            errors.Add(section, $"'{section.Value}' is set on a group of settings; set the keys under it instead");
        }
    }
}
