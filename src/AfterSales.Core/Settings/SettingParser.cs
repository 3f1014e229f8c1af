using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Core.Settings;

/// <summary>Parses one setting's text; on failure <paramref name="error"/> says what is wrong, quoting the text.</summary>
public delegate bool SettingParser<T>(string text, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error);
