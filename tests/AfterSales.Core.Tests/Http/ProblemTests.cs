using System.Reflection;
using System.Text.Json;
using AfterSales.Core.Http;

namespace AfterSales.Core.Tests.Http;

public sealed class ProblemTests
{
    [Fact]
    public void A_problem_about_a_field_is_rfc_7807_json_with_errors_naming_the_field()
    {
        var problem = Problem.ForField(ProblemTypes.InvalidQuery, "Invalid query", 400, "limit", "'0' is not a page size")
            with { Extensions = new Dictionary<string, string> { ["rejectedEventId"] = "r-1" } };

        var response = ApiResponse.Problem(problem);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        var json = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("urn:aftersales:problem:invalid-query", json.GetProperty("type").GetString());
        Assert.Equal("Invalid query", json.GetProperty("title").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal("limit: '0' is not a page size", json.GetProperty("detail").GetString());
        Assert.Equal(["'0' is not a page size"], json.GetProperty("errors").GetProperty("limit").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("r-1", json.GetProperty("rejectedEventId").GetString());
    }

    [Fact]
    public void A_problem_without_errors_has_no_errors_member()
    {
        var json = JsonDocument.Parse(ApiResponse.Problem(new Problem(ProblemTypes.TicketNotFound, "No such ticket", 404, "none")).Body).RootElement;

        Assert.False(json.TryGetProperty("errors", out _));
    }

    public static TheoryData<string> Types => new(typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!));

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_problem_type_is_documented_in_the_http_api_reference(string type) =>
        Assert.Contains($"`{type}`", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "http.md")), StringComparison.Ordinal);
}
