namespace AfterSales.Core.Texts;

/// <summary>
/// What a provider's refusal or failed delivery means, and so what AfterSales does about it. The provider's adapter
/// classifies its own error codes (Twilio: <c>TwilioErrorCodes</c>).
/// </summary>
public enum SmsProblem
{
    /// <summary>Anything else: the text failed, and the failure summary lists it.</summary>
    Other,

    /// <summary>The number cannot take texts (invalid, landline, unknown or unreachable handset): the customer is emailed instead.</summary>
    NumberUnreachable,

    /// <summary>The customer blocked texts at the provider or carrier (Twilio 21610, 30004): recorded as an opt-out, no fallback.</summary>
    RecipientOptedOut,

    /// <summary>
    /// Our side must act (Twilio 30007 content filtered, 21408 a country not enabled on the account): every customer
    /// there is affected, so the duty manager is alerted instead of quietly emailing each customer.
    /// </summary>
    NeedsDutyManager,
}
