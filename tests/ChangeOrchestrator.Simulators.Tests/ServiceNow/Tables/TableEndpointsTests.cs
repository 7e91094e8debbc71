using System.Net;
using System.Text.RegularExpressions;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Tables;

public sealed partial class TableEndpointsTests : IAsyncLifetime
{
    private ServiceNowTestHost _sn = null!;

    public async Task InitializeAsync() => _sn = await ServiceNowTestHost.StartAsync();

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    [Fact]
    public async Task Create_NormalChange_Returns201WithLocationAndStringDefaults()
    {
        var response = await _sn.Admin.SendAsync(Method.Post, "api/now/table/change_request",
            new { short_description = "Patch web tier", correlation_id = "PIPE-42", impact = 2 });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var change = response.Result;
        Assert.Matches(SysId(), change.Text("sys_id"));
        Assert.Equal("CHG0030001", change.Text("number"));
        Assert.Equal("-5", change.Text("state"));
        Assert.Equal("not requested", change.Text("approval"));
        Assert.Equal("normal", change.Text("type"));
        Assert.Equal("2", change.Text("impact"));
        Assert.Equal("", change.Text("close_code"));
        Assert.Equal("", change.Text("work_notes"));
        Assert.Equal("0", change.Text("sys_mod_count"));
        Assert.Matches(Timestamp(), change.Text("sys_created_on"));
        Assert.Equal(_sn.InstanceUrl + "api/now/table/change_request/" + change.Text("sys_id"), response.Header("Location"));
        Assert.Matches(SysId(), change["requested_by"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_Twice_NumbersIncrease()
    {
        var first = await _sn.Admin.CreateChangeAsync(new { short_description = "a" });
        var second = await _sn.Admin.CreateChangeAsync(new { short_description = "b" });

        Assert.Equal("CHG0030001", first.Text("number"));
        Assert.Equal("CHG0030002", second.Text("number"));
    }

    [Fact]
    public async Task Get_UnknownSysId_Returns404Envelope()
    {
        var response = await _sn.Admin.GetJsonAsync("api/now/table/change_request/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("No Record found", response.ErrorMessage);
        Assert.Equal("Record doesn't exist or ACL restricts the record retrieval", response.ErrorDetail);
        Assert.Equal("failure", response.Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_UnknownTable_Returns400()
    {
        var response = await _sn.Admin.GetJsonAsync("api/now/table/no_such_table");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Invalid table no_such_table", response.ErrorMessage);
    }

    [Fact]
    public async Task List_EncodedQueryOperators_FilterAndSortLikeTheInstance()
    {
        await _sn.Admin.CreateChangeAsync(new { short_description = "Kernel patch", correlation_id = "PIPE-1" });
        await _sn.Admin.CreateChangeAsync(new { short_description = "Java update", correlation_id = "PIPE-2" });
        await _sn.Admin.CreateChangeAsync(new { short_description = "kernel rollback", correlation_id = "OTHER-3" });
        var moved = await _sn.Admin.CreateChangeAsync(new { short_description = "DB patch", correlation_id = "PIPE-4" });
        await _sn.Admin.PatchChangeAsync(moved.Text("sys_id"), new { state = "-4" });

        Assert.Equal(["CHG0030002"], await NumbersAsync("correlation_id=PIPE-2"));
        Assert.Equal(["CHG0030004", "CHG0030002", "CHG0030001"], await NumbersAsync("correlation_idSTARTSWITHPIPE^ORDERBYDESCnumber"));
        Assert.Equal(["CHG0030001", "CHG0030003"], await NumbersAsync("short_descriptionLIKEkernel^ORDERBYnumber"));
        Assert.Equal(["CHG0030001", "CHG0030003"], await NumbersAsync("numberINCHG0030001,CHG0030003"));
        Assert.Equal(["CHG0030004"], await NumbersAsync("state!=-5"));
        Assert.Equal(["CHG0030004"], await NumbersAsync("approval=requested"));
        Assert.Equal(["CHG0030002", "CHG0030003"], await NumbersAsync("state=-5^correlation_id=PIPE-2^ORcorrelation_id=OTHER-3"));
        Assert.Equal(["CHG0030004", "CHG0030001", "CHG0030002", "CHG0030003"], await NumbersAsync("ORDERBYDESCstate^ORDERBYnumber"));
        Assert.Equal(["CHG0030002"], await NumbersAsync("correlation_id=PIPE-2^no_such_field=x"));
    }

    [Fact]
    public async Task List_NameValuePairs_FilterLikeAQuery()
    {
        await _sn.Admin.CreateChangeAsync(new { correlation_id = "PIPE-1" });
        await _sn.Admin.CreateChangeAsync(new { correlation_id = "PIPE-2" });

        var response = await _sn.Admin.GetJsonAsync("api/now/table/change_request?correlation_id=PIPE-2&sysparm_fields=number");

        Assert.Equal("CHG0030002", Assert.Single(response.Result.AsArray())!.Text("number"));
    }

    [Fact]
    public async Task List_LimitAndOffset_SetTotalCountAndLinkHeader()
    {
        for (var i = 0; i < 5; i++)
        {
            await _sn.Admin.CreateChangeAsync(new { correlation_id = "PAGE-" + i });
        }

        var response = await _sn.Admin.GetJsonAsync("api/now/table/change_request?sysparm_query=ORDERBYnumber&sysparm_limit=2&sysparm_offset=2&sysparm_fields=number");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["CHG0030003", "CHG0030004"], response.Result.AsArray().Select(r => r!.Text("number")));
        Assert.Equal("5", response.Header("X-Total-Count"));
        var links = LinkRelations().Matches(response.Header("Link")!).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);
        Assert.Equal(["first", "prev", "next", "last"], links.Keys);
        Assert.Contains("sysparm_offset=0", links["first"]);
        Assert.Contains("sysparm_offset=0", links["prev"]);
        Assert.Contains("sysparm_offset=4", links["next"]);
        Assert.Contains("sysparm_offset=4", links["last"]);
        Assert.Contains("sysparm_limit=2", links["next"]);
        Assert.Contains("sysparm_query=ORDERBYnumber", links["next"]);
    }

    [Fact]
    public async Task List_NegativeOffset_Returns400()
    {
        var response = await _sn.Admin.GetJsonAsync("api/now/table/change_request?sysparm_offset=-9");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("offset is -9", response.ErrorMessage);
        Assert.Equal("Negative offset is not supported", response.ErrorDetail);
    }

    [Fact]
    public async Task List_NothingMatches_LatestReturnsEmptyArrayAndV1Returns404()
    {
        var latest = await _sn.Admin.GetJsonAsync("api/now/table/change_request?sysparm_query=correlation_id=none");
        var v2 = await _sn.Admin.GetJsonAsync("api/now/v2/table/change_request?sysparm_query=correlation_id=none");
        var v1 = await _sn.Admin.GetJsonAsync("api/now/v1/table/change_request?sysparm_query=correlation_id=none");

        Assert.Equal(HttpStatusCode.OK, latest.Status);
        Assert.Empty(latest.Result.AsArray());
        Assert.Equal(HttpStatusCode.OK, v2.Status);
        Assert.Equal(HttpStatusCode.NotFound, v1.Status);
    }

    [Fact]
    public async Task Get_DisplayValueModes_ShapeValuesAsTheInstance()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "Shapes" });
        var resource = $"api/now/table/change_request/{change.Text("sys_id")}?sysparm_fields=state,requested_by,short_description&sysparm_display_value=";

        var raw = (await _sn.Admin.GetJsonAsync(resource + "false")).Result;
        var display = (await _sn.Admin.GetJsonAsync(resource + "true")).Result;
        var all = (await _sn.Admin.GetJsonAsync(resource + "all")).Result;
        var noLink = (await _sn.Admin.GetJsonAsync(resource + "true&sysparm_exclude_reference_link=true")).Result;

        Assert.Equal("-5", raw.Text("state"));
        Assert.Equal(3, raw.AsObject().Count);
        var userSysId = raw["requested_by"]!["value"]!.GetValue<string>();
        Assert.Equal(_sn.InstanceUrl + "api/now/table/sys_user/" + userSysId, raw["requested_by"]!["link"]!.GetValue<string>());
        Assert.Equal("New", display.Text("state"));
        Assert.Equal("System Administrator", display["requested_by"]!["display_value"]!.GetValue<string>());
        Assert.NotNull(display["requested_by"]!["link"]);
        Assert.Equal("New", all["state"]!["display_value"]!.GetValue<string>());
        Assert.Equal("-5", all["state"]!["value"]!.GetValue<string>());
        Assert.Equal(userSysId, all["requested_by"]!["value"]!.GetValue<string>());
        Assert.Equal("Shapes", all["short_description"]!["display_value"]!.GetValue<string>());
        Assert.Equal("System Administrator", noLink.Text("requested_by"));
    }

    [Fact]
    public async Task Get_DotWalkedField_ReadsThroughReference()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { assignment_group = "CAB Approval" });

        var response = await _sn.Admin.GetJsonAsync($"api/now/table/change_request/{change.Text("sys_id")}?sysparm_fields=number,assignment_group.name,requested_by.email,no_such_field");

        Assert.Equal(["number", "assignment_group.name", "requested_by.email"], response.Result.AsObject().Select(p => p.Key));
        Assert.Equal("CAB Approval", response.Result.Text("assignment_group.name"));
        Assert.Equal("admin@example.com", response.Result.Text("requested_by.email"));
    }

    [Fact]
    public async Task Update_Patch_ReturnsFullRecordAndBumpsModCount()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "before" });

        var response = await _sn.Admin.PatchChangeAsync(change.Text("sys_id"), new { short_description = "after", no_such_field = "ignored" });
        var put = await _sn.Admin.SendAsync(Method.Put, "api/now/table/change_request/" + change.Text("sys_id"), new { description = "put" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("after", response.Result.Text("short_description"));
        Assert.Equal("1", response.Result.Text("sys_mod_count"));
        Assert.Null(response.Result["no_such_field"]);
        Assert.Equal("2", put.Result.Text("sys_mod_count"));
        Assert.Equal("after", put.Result.Text("short_description"));
    }

    [Fact]
    public async Task Delete_ByAdmin_Returns204AndRecordIsGone()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "to delete" });
        var request = new RestRequest("api/now/table/change_request/" + change.Text("sys_id"), Method.Delete);
        request.AddStringBody("", ContentType.Json);

        var deleted = await _sn.Admin.SendAsync(request);
        var after = await _sn.Admin.GetJsonAsync("api/now/table/change_request/" + change.Text("sys_id"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    [Fact]
    public async Task Delete_ByItilUser_Returns403OperationFailed()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "kept" });
        var request = new RestRequest("api/now/table/change_request/" + change.Text("sys_id"), Method.Delete);
        request.AddStringBody("", ContentType.Json);

        var response = await _sn.ClientFor("beth.anglin", "beth.anglin").SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Operation Failed", response.ErrorMessage);
    }

    [Fact]
    public async Task Insert_IntoReadOnlyTable_Returns403AclException()
    {
        var response = await _sn.Admin.SendAsync(Method.Post, "api/now/table/sys_user", new { user_name = "intruder" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ACL Exception Insert Failed due to security constraints", response.ErrorDetail);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        var response = await _sn.Admin.SendAsync(Method.Post, "api/now/table/change_request", "{\"short_description\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Exception while reading request", response.ErrorMessage);
    }

    [Fact]
    public async Task Requests_MissingAcceptOrContentType_Return400()
    {
        using var http = new HttpClient { BaseAddress = _sn.InstanceUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:admin"u8.ToArray()));

        using var noAccept = await http.GetAsync("api/now/table/change_request");
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/now/table/change_request") { Content = new ByteArrayContent("{}"u8.ToArray()) };
        post.Headers.Accept.ParseAdd("application/json");
        using var noContentType = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, noAccept.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noContentType.StatusCode);
        Assert.Contains("\"status\":\"failure\"", await noContentType.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WithMethodOverrideHeader_IsHandledAsThatMethod()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "before" });
        var request = new RestRequest("api/now/table/change_request/" + change.Text("sys_id"), Method.Post);
        request.AddHeader("X-http-method-override", "PATCH");
        request.AddStringBody("{\"short_description\":\"after\"}", ContentType.Json);

        var response = await _sn.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("after", response.Result.Text("short_description"));
    }

    [Fact]
    public async Task Head_OnAList_AnswersHeadersWithoutBody()
    {
        await _sn.Admin.CreateChangeAsync(new { short_description = "counted" });

        var response = await _sn.Admin.ExecuteAsync(new RestRequest("api/now/table/change_request", Method.Head));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers!.First(h => h.Name == "X-Total-Count").Value!.ToString());
        Assert.True(string.IsNullOrEmpty(response.Content));
    }

    [Fact]
    public async Task Request_AcceptingOnlyXml_Returns406()
    {
        var request = new RestRequest("api/now/table/change_request");
        request.AddHeader("Accept", "application/xml");

        var response = await _sn.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Request_UnknownResourceOrMethod_AnswersWithEnvelope()
    {
        var unknown = await _sn.Admin.GetJsonAsync("api/now/no_such_api");
        var wrongMethod = await _sn.Admin.SendAsync(Method.Post, "api/now/attachment/0123456789abcdef0123456789abcdef", new { });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("Requested URI does not represent any resource", unknown.ErrorMessage);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal("Method not Supported", wrongMethod.ErrorMessage);
    }

    private async Task<string[]> NumbersAsync(string query)
    {
        var response = await _sn.Admin.GetJsonAsync("api/now/table/change_request?sysparm_fields=number&sysparm_query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. response.Result.AsArray().Select(r => r!.Text("number"))];
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex SysId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex Timestamp();

    [GeneratedRegex("<(?<url>[^>]+)>;rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkRelations();
}
