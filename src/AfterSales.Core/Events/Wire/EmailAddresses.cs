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
}
