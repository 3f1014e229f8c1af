using System.Net.Mail;

namespace AfterSales.Core.Events.Wire;

internal static class EmailAddresses
{
    /// <summary>
    /// A bare address (no display name, no surrounding spaces) whose domain has a dot:
    /// <see cref="MailAddress"/> alone accepts <c>"Li Na" &lt;li.na@example.com&gt;</c> and <c>li.na@localhost</c>.
    /// </summary>
    public static bool IsPlainAddress(string text) =>
        MailAddress.TryCreate(text, out var address)
        && string.Equals(address.Address, text, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    /// <summary>
    /// An address as an error message or log may show it: its first character and the domain (<c>l***@example.com</c>),
    /// enough to find the payload, not to write to anyone. Text without an <c>@</c> keeps only its first character.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return "";
        var at = text.LastIndexOf('@');
        return at <= 0 ? text[0] + "***" : text[0] + "***" + text[at..];
    }
}
