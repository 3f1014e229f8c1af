using AfterSales.Azure.Sms;

namespace AfterSales.Azure.Tests.Sms;

public class TwilioSignatureTests
{
    // The voice-request example of Twilio's own validator tests (twilio-ruby request_validator_spec).
    private const string Token = "2bd9e9638872de601313dc77410d3b23";
    private const string Url = "http://twiliotests.heroku.com/validate/voice";
    private const string Expected = "oVb2kXoVy8GEfwBDjR8bk/ZZ6eA=";

    public static readonly Dictionary<string, string> Form = new()
    {
        ["ToState"] = "California", ["CalledState"] = "California", ["Direction"] = "inbound", ["FromState"] = "CA",
        ["AccountSid"] = "ACba8bc05eacf94afdae398e642c9cc32d", ["Caller"] = "+14153595711", ["CallerZip"] = "94108",
        ["CallerCountry"] = "US", ["From"] = "+14153595711", ["FromCity"] = "SAN FRANCISCO", ["CallerCity"] = "SAN FRANCISCO",
        ["To"] = "+14157669926", ["FromZip"] = "94108", ["FromCountry"] = "US", ["ToCity"] = "", ["CallStatus"] = "ringing",
        ["CalledCity"] = "", ["CallerState"] = "CA", ["CalledZip"] = "", ["ToZip"] = "", ["ToCountry"] = "US",
        ["CallSid"] = "CA136d09cd59a3c0ec8dbff44da5c03f31", ["CalledCountry"] = "US", ["Called"] = "+14157669926",
        ["ApiVersion"] = "2010-04-01", ["ApplicationSid"] = "AP44efecad51364e80b133bb7c07eb8204",
    };

    [Theory]
    [InlineData("https://aftersales.example.com/api/sms/inbound", "https://aftersales.example.com:443/api/sms/inbound")]
    [InlineData("https://aftersales.example.com:443/api/sms/inbound", "https://aftersales.example.com/api/sms/inbound")]
    [InlineData("http://twiliotests.heroku.com/validate/voice", "http://twiliotests.heroku.com:80/validate/voice")]
    public void A_request_signed_with_or_without_the_default_port_is_accepted_either_way(string signedFor, string checkedAs)
    {
        var signature = TwilioSignature.Compute(Token, signedFor, Form);

        Assert.True(TwilioSignature.IsValid(Token, checkedAs, Form, signature));
    }

    [Fact]
    public void Another_port_is_another_url()
    {
        var signature = TwilioSignature.Compute(Token, "https://aftersales.example.com:8443/api/sms/inbound", Form);

        Assert.False(TwilioSignature.IsValid(Token, "https://aftersales.example.com/api/sms/inbound", Form, signature));
        Assert.False(TwilioSignature.IsValid(Token, "https://aftersales.example.com:443/api/sms/inbound", Form, signature));
    }

    [Fact]
    public void Twilios_published_example_is_computed_and_accepted()
    {
        Assert.Equal(Expected, TwilioSignature.Compute(Token, Url, Form));
        Assert.True(TwilioSignature.IsValid(Token, Url, Form, Expected));
    }

    [Fact]
    public void The_order_the_form_arrives_in_does_not_matter()
    {
        Assert.True(TwilioSignature.IsValid(Token, Url, Form.Reverse(), Expected));
    }

    [Fact]
    public void An_altered_parameter_url_or_token_or_a_missing_signature_is_refused()
    {
        var altered = new Dictionary<string, string>(Form) { ["From"] = "+14153595712" };

        Assert.False(TwilioSignature.IsValid(Token, Url, altered, Expected));
        Assert.False(TwilioSignature.IsValid(Token, Url + "?x=1", Form, Expected));
        Assert.False(TwilioSignature.IsValid("another-token", Url, Form, Expected));
        Assert.False(TwilioSignature.IsValid(Token, Url, Form.Append(new("Body", "STOP")), Expected));
        Assert.False(TwilioSignature.IsValid(Token, Url, Form, null));
        Assert.False(TwilioSignature.IsValid(Token, Url, Form, ""));
    }

    [Fact]
    public void The_example_in_twilios_security_docs_is_accepted()
    {
        // https://www.twilio.com/docs/usage/security, the signature_validation snippet: auth token 12345.
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675310", ["Digits"] = "1234", ["From"] = "+14158675310", ["To"] = "+18005551212",
        };

        Assert.True(TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form, "GvWf1cFY/Q7PnoempGyD5oXAezc="));
    }

    [Theory]
    [InlineData("https://aftersales.example.com/api/sms/inbound", "Body", "退订")]
    [InlineData("https://aftersales.example.com:443/api/sms/status?ticket=T%2F1&step=T%2F1%2Ftext%2Fack%2F1", "MessageStatus", "undelivered")]
    [InlineData("http://localhost:7071/api/sms/inbound?code=abc", "Body", "  5 ")]
    [InlineData("https://AfterSales.Example.com/api/sms/inbound", "Body", "a&b=c d+e%20")]
    public void Twilios_own_request_validator_accepts_every_signature_we_accept_and_computes_the_same(string url, string name, string value)
    {
        var form = new Dictionary<string, string>(Form) { [name] = value };
        var ours = TwilioSignature.Compute(Token, url, form);
        var validator = new Twilio.Security.RequestValidator(Token);

        Assert.True(validator.Validate(url, form, ours));
        Assert.True(TwilioSignature.IsValid(Token, url, form, ours));
        Assert.False(validator.Validate(url, new Dictionary<string, string>(form) { [name] = value + "x" }, ours));
    }

    [Fact]
    public void A_webhook_rules_hmac_sha256_signature_is_checked_with_the_shared_key_named_by_the_settings_header()
    {
        const string sharedKey = "webhook-rule-shared-key";
        var url = "https://aftersales.example.com/api/sms/inbound";
        var sha256 = TwilioSignature.Compute(sharedKey, url, Form, TwilioSignatureAlgorithm.HmacSha256);
        var check = new TwilioWebhookCheck(Token, sharedKey);

        Assert.Null(check.Refusal(url, [.. Form], sha256, "key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256"));
        Assert.Equal(403, check.Refusal(url, [.. Form], sha256, null)!.HttpStatus);
        Assert.Equal(403, check.Refusal(url, [.. Form], TwilioSignature.Compute(Token, url, Form), "key=KS1,algorithm=HMAC_SHA256")!.HttpStatus);
        Assert.Equal(403, check.Refusal(url, [.. Form], sha256, "key=KS1,algorithm=HMAC_MD5")!.HttpStatus);
        Assert.Null(new TwilioWebhookCheck(Token, null).Refusal(url, [.. Form], TwilioSignature.Compute(Token, url, Form), null));
    }

    [Fact]
    public void A_request_signed_with_a_shared_key_we_were_not_given_is_answered_500_naming_the_setting()
    {
        var url = "https://aftersales.example.com/api/sms/inbound";
        var sha256 = TwilioSignature.Compute("some-key", url, Form, TwilioSignatureAlgorithm.HmacSha256);

        var refusal = new TwilioWebhookCheck(Token, null).Refusal(url, [.. Form], sha256, "key=KS1,algorithm=HMAC_SHA256");

        Assert.Equal(500, refusal!.HttpStatus);
        Assert.Contains("Sms__WebhookSharedKey", refusal.Reason, StringComparison.Ordinal);
    }
}
