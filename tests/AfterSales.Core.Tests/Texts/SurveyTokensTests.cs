using System.Text;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Tests.Texts;

public class SurveyTokensTests
{
    private static readonly SurveyTokens Tokens = new(Encoding.UTF8.GetBytes("test-signing-key-0123456789abcdef-0123456789"));
    private static readonly Instant Issued = Instant.FromUtc(2026, 10, 12, 9, 0);
    private static readonly Instant Expiry = Issued + Duration.FromDays(30);

    [Fact]
    public void A_token_names_its_ticket_and_survey_until_it_expires()
    {
        var check = Tokens.Check(Tokens.Issue("T-1", 2, Expiry), Issued + Duration.FromDays(29));

        Assert.True(check.IsValid);
        Assert.Equal(new SurveyTokenClaims("T-1", 2, Expiry), check.Claims);
        Assert.Equal("T-1/text/survey/2", check.Claims!.SurveyKey);
    }

    [Fact]
    public void Ticket_ids_with_dots_slashes_and_other_scripts_survive_the_trip_and_the_token_is_url_safe()
    {
        var token = Tokens.Issue("HD.2026/工单#7", 1, Expiry);

        Assert.Equal("HD.2026/工单#7", Tokens.Check(token, Issued).Claims!.TicketId);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void An_expired_token_is_refused_with_its_expiry()
    {
        var check = Tokens.Check(Tokens.Issue("T-1", 1, Expiry), Expiry);

        Assert.Equal(SurveyTokenProblem.Expired, check.Problem);
        Assert.Contains("expired at 2026-11-11T09:00Z", check.Error, StringComparison.Ordinal);
        Assert.Null(check.Claims);
    }

    [Theory]
    [InlineData("T-1", "T-2")]
    [InlineData(".1.", ".2.")]
    public void Altering_the_ticket_or_survey_makes_a_forgery(string original, string altered)
    {
        var token = Tokens.Issue("T-1", 1, Expiry);

        var check = Tokens.Check(token.Replace(original, altered, StringComparison.Ordinal), Issued);

        Assert.Equal(SurveyTokenProblem.Forged, check.Problem);
        Assert.Contains("signature does not match", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extending_the_expiry_makes_a_forgery()
    {
        var token = Tokens.Issue("T-1", 1, Expiry);
        var parts = token.Split('.');
        parts[2] = "zzzzzz";

        Assert.Equal(SurveyTokenProblem.Forged, Tokens.Check(string.Join('.', parts), Expiry + Duration.FromDays(1)).Problem);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_a_forgery()
    {
        var other = new SurveyTokens(Encoding.UTF8.GetBytes("another-signing-key-0123456789abcdef-012345"));

        Assert.Equal(SurveyTokenProblem.Forged, Tokens.Check(other.Issue("T-1", 1, Expiry), Issued).Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nonsense")]
    public void Something_that_is_not_a_token_is_malformed(string? token)
    {
        Assert.Equal(SurveyTokenProblem.Malformed, Tokens.Check(token, Issued).Problem);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SurveyTokens(new byte[16]));
    }
}
