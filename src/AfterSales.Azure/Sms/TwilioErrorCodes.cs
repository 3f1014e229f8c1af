namespace AfterSales.Azure.Sms;

/// <summary>Twilio error codes that say the number cannot receive texts: the customer is emailed instead.</summary>
internal static class TwilioErrorCodes
{
    private static readonly HashSet<string> UnreachableNumber =
    [
        "21211", // invalid 'To' phone number
        "21214", // 'To' number cannot be reached
        "21407", // this phone number type does not support SMS
        "21408", // permission to send to this region is not enabled
        "21612", // cannot route to this number
        "21614", // 'To' is not a valid mobile number
        "30003", // unreachable destination handset
        "30004", // message blocked
        "30005", // unknown destination handset
        "30006", // landline or unreachable carrier
        "30007", // carrier filtering
    ];

    public static bool MeansUnreachableNumber(string? code) => code is not null && UnreachableNumber.Contains(code);
}
