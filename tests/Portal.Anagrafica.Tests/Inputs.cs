using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

/// <summary>A complete, valid Anagrafica as the API and the form take it, and the calls that send it.</summary>
internal static class Inputs
{
    public static Dictionary<string, string?> Valid(int versione = 0) => new()
    {
        ["residenzaVia"] = "Via Giuseppe Garibaldi",
        ["residenzaCivico"] = "15/A",
        ["residenzaCap"] = "60121",
        ["residenzaComune"] = "042002 - Ancona (AN)",
        ["domicilioUgualeResidenza"] = "true",
        ["telefono"] = "071 2345678",
        ["cellulare"] = "+39 333 1234567",
        ["email"] = "giovanna.prova@example.org",
        ["pec"] = "giovanna.prova@pec.example.org",
        ["statoCivile"] = "CN - CELIBE/NUBILE",
        ["cittadinanza"] = "100 - ITALIA",
        ["titoloStudio"] = "40",
        ["versione"] = versione.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> input, params (string Key, string? Value)[] changes)
    {
        foreach (var (k, v) in changes) input[k] = v;
        return input;
    }

    /// <summary>The API's JSON body: booleans and numbers as JSON types.</summary>
    public static Dictionary<string, object?> Json(Dictionary<string, string?> input) => input.ToDictionary(
        kv => kv.Key,
        kv => kv.Key == "domicilioUgualeResidenza" ? kv.Value == "true" : kv.Key == "versione" ? int.Parse(kv.Value!, System.Globalization.CultureInfo.InvariantCulture) : (object?)kv.Value);

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Dictionary<string, string?> input) =>
        client.PutAsJsonAsync("/api/v1/profilo", Json(input));

    /// <summary>Posts the form as a browser does (the checkbox sends "true" then the hidden "false").</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Dictionary<string, string?> input, string url = "/anagrafica")
    {
        var token = await PortalClient.TokenAsync(client, url);
        var fields = new List<(string, string)>();
        foreach (var (k, v) in input)
        {
            var name = "Input." + char.ToUpperInvariant(k[0]) + k[1..];
            if (k == "domicilioUgualeResidenza")
            {
                if (v == "true") fields.Add((name, "true"));
                fields.Add((name, "false"));
            }
            else fields.Add((name, v ?? ""));
        }
        return await client.PostAsync(url, PortalClient.Form(token, fields.ToArray()));
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static string Error(this JsonElement errors, string field) => errors.GetProperty(field)[0].GetString()!;

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
