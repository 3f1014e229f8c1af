using System.Reflection;
using AfterSales.Functions.Http;
using AfterSales.Functions.Tests.Support;

namespace AfterSales.Functions.Tests.Http;

public sealed class FieldProblemTests
{
    [Fact]
    public async Task A_problem_about_a_field_is_rfc_7807_json_with_errors_naming_the_field()
    {
        var problem = FieldProblem.Of(ProblemTypes.InvalidQuery, "Invalid query", 400, "limit", "'0' is not a page size",
            new Dictionary<string, object?> { ["rejectedEventId"] = "r-1" });

        var response = await problem.AnswerAsync();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(HttpAnswer.ProblemType, response.ContentType);
        var json = response.Json();
        Assert.Equal("urn:aftersales:problem:invalid-query", json.GetProperty("type").GetString());
        Assert.Equal("Invalid query", json.GetProperty("title").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal("limit: '0' is not a page size", json.GetProperty("detail").GetString());
        Assert.Equal(["'0' is not a page size"], json.GetProperty("errors").GetProperty("limit").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("r-1", json.GetProperty("rejectedEventId").GetString());
    }

    public static TheoryData<string> Types => new(typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!));

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_problem_type_is_documented_in_the_http_api_reference(string type) =>
        Assert.Contains($"`{type}`", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "http.md")), StringComparison.Ordinal);
}
