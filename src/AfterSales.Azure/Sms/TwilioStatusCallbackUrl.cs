using AfterSales.Core.Texts;

namespace AfterSales.Azure.Sms;

/// <summary>
/// The status-callback URL given to Twilio with each text: the configured callback with the text's ticket and step key
/// in its query (<c>?ticket=T-1&amp;step=T-1%2Ftext%2Fprogress%2F1</c>). Twilio signs the URL it calls, query included,
/// so the report's reference cannot be altered; and the report finds its outbox row without a lookup table.
/// </summary>
public static class TwilioStatusCallbackUrl
{
    public const string TicketParameter = "ticket";
    public const string StepParameter = "step";

    public static string For(Uri callback, TextReference? reference)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (reference is null) return callback.AbsoluteUri;
        var separator = string.IsNullOrEmpty(callback.Query) ? "?" : "&";
        return callback.AbsoluteUri + separator
            + $"{TicketParameter}={Uri.EscapeDataString(reference.TicketId)}&{StepParameter}={Uri.EscapeDataString(reference.StepKey)}";
    }
}
