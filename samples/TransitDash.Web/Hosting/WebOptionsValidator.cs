using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TransitDash.Web.Hosting;

/// <summary>Reports the problems <see cref="WebOptionsReader"/> found, at start, beside the library's own.</summary>
internal sealed class WebOptionsValidator(IConfiguration configuration) : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var problems = WebOptionsReader.Read(configuration).Problems;
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
