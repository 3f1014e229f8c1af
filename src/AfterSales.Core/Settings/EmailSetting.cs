using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace AfterSales.Core.Settings;

/// <summary>A plain email address (no display name): <c>supervisor@example.com</c>.</summary>
public static class EmailSetting
{
    public static bool TryParse(string text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text.Trim();
        if (MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed)
        {
            value = trimmed;
            error = null;
            return true;
        }

        value = null;
        error = $"'{text}' is not an email address (use a plain address such as supervisor@example.com)";
        return false;
    }
}
