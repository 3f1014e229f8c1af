using AfterSales.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Functions;

internal static class ApiResults
{
    public static IActionResult ToActionResult(this ApiResponse response) =>
        new ContentResult { StatusCode = response.StatusCode, ContentType = response.ContentType, Content = response.Body };
}
