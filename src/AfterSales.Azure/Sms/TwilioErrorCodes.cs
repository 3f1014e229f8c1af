using AfterSales.Core.Texts;

namespace AfterSales.Azure.Sms;

/// <summary>
/// What Twilio's error codes mean for the customer (https://www.twilio.com/docs/api/errors), whether they come back
/// from the send call (21xxx) or later in a delivery status callback (30xxx).
/// </summary>
public static class TwilioErrorCodes
{
    private static readonly Dictionary<string, SmsProblem> Problems = new(StringComparer.Ordinal)
    {
        ["21211"] = SmsProblem.NumberUnreachable, // invalid 'To' phone number
        ["21214"] = SmsProblem.NumberUnreachable, // 'To' number cannot be reached
        ["21407"] = SmsProblem.NumberUnreachable, // this phone number type does not support SMS
        ["21612"] = SmsProblem.NumberUnreachable, // cannot route to this number
        ["21614"] = SmsProblem.NumberUnreachable, // 'To' is not a valid mobile number
        ["30003"] = SmsProblem.NumberUnreachable, // unreachable destination handset
        ["30005"] = SmsProblem.NumberUnreachable, // unknown destination handset
        ["30006"] = SmsProblem.NumberUnreachable, // landline or unreachable carrier
        ["21610"] = SmsProblem.RecipientOptedOut, // the recipient replied STOP to this sender
        ["30004"] = SmsProblem.RecipientOptedOut, // message blocked by the recipient or their carrier
        ["21408"] = SmsProblem.NeedsDutyManager, // sending to this region is not enabled on the account
        ["30007"] = SmsProblem.NeedsDutyManager, // filtered by the carrier as spam or for its content
    };

    public static SmsProblem Classify(string? code) => code is not null && Problems.TryGetValue(code, out var problem) ? problem : SmsProblem.Other;
}
