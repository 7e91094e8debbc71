using System.Security.Claims;
using System.Text.Json;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// <c>/auth</c>: local login (a session cookie), logout, and <c>GET /auth/me</c>, which tells any authenticated caller
/// who the server takes them for. Login attempts are rate-limited per client address.
/// </summary>
internal static class LocalLoginEndpoints
{
    public const string RateLimitPolicy = "login";

    private static readonly string[] Fields = ["username", "password"];

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .Audited("auth.login", "user")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Anyone may end a session, even an expired one: logging out only removes the cookie.
        group.MapPost("/logout", (Func<HttpContext, Task<NoContent>>)LogoutAsync).AllowAnonymous().Audited("auth.logout", "user");
        group.MapGet("/me", Me);
        return endpoints;
    }

    private static async Task<Results<Ok<CallerIdentity>, ValidationProblem, ProblemHttpResult>> LoginAsync(HttpContext context, LocalUserRegistry users, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!users.Enabled)
        {
            return TypedResults.Problem(
                title: "Local login is off",
                detail: $"Configure {AuthOptions.Section}:Local:Users, or sign in at the identity provider.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (!RequestBodyGuard.IsUrlEncodedForm(context.Request) && !context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(
                title: "Unsupported content type",
                detail: "Send username and password as JSON or as a form (application/x-www-form-urlencoded).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var (login, problem) = await ReadAsync(context.Request, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var audit = context.Audit();
        audit.Actor = login!.Username;
        audit.ObjectId = login.Username;
        audit.AuthScheme = "local";
        var user = users.Verify(login.Username!, login.Password!);
        if (user is null)
        {
            audit.Action = "auth.login.failed";
            return TypedResults.Problem(title: "Login failed", detail: "The user name or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var roles = await LocalSignIn.StartSessionAsync(context, user);
        return TypedResults.Ok(new CallerIdentity(user.Name, "local", roles));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        context.Audit().ObjectId = context.User.Identity?.Name;
        await context.SignOutAsync(AuthSchemes.Local);
        return TypedResults.NoContent();
    }

    private static Ok<CallerIdentity> Me(ClaimsPrincipal user) => TypedResults.Ok(new CallerIdentity(
        user.Identity?.Name,
        user.FindFirst(AuthSchemes.MethodClaim)?.Value,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList()));

    /// <summary>The login of a JSON or form body (the content type is checked before).</summary>
    private static async Task<(LoginRequest? Login, ValidationProblem? Problem)> ReadAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        LoginRequest? login;
        if (RequestBodyGuard.IsUrlEncodedForm(request))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or (IOException and not BadHttpRequestException))
            {
                return (null, ApiProblems.Field("body", $"is not a valid form: {ex.Message}"));
            }

            if (form.Keys.FirstOrDefault(k => !Fields.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                return (null, ApiProblems.Field(unknown, "is not a field of a login; send username and password"));
            }

            if (form.Files.Count > 0 || form.Any(field => field.Value.Count > 1))
            {
                return (null, ApiProblems.Field("body", "must hold username and password once each"));
            }

            login = new LoginRequest { Username = form["username"], Password = form["password"] };
        }
        else
        {
            try
            {
                login = await request.ReadFromJsonAsync<LoginRequest>(options, cancellationToken);
            }
            catch (JsonException ex)
            {
                return (null, ApiProblems.Field("body", $"is not a valid login: {ex.Message}"));
            }
        }

        if (string.IsNullOrEmpty(login?.Username))
        {
            return (null, ApiProblems.Field("username", "is required"));
        }

        return string.IsNullOrEmpty(login.Password) ? (null, ApiProblems.Field("password", "is required")) : (login, null);
    }
}
