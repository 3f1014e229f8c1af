using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Functions.Http;

/// <summary>
/// RFC 7807 problem details about one field (a JSON path such as <c>customer.phone</c>, a route or query parameter,
/// or <c>$</c> for the whole body): <c>errors</c> maps it to what is wrong, <c>detail</c> says the same in one line.
/// </summary>
public static class FieldProblem
{
    public static ProblemHttpResult Of(
        string type, string title, int status, string field, string message, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Type = type,
            Title = title,
            Status = status,
            Detail = $"{field}: {message}",
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return TypedResults.Problem(problem);
    }
}
