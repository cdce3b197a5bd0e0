using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Portal.Testing;

/// <summary>First access for tests of other services: the person saves their Anagrafica through the API, as on the form.</summary>
public static class AnagraficaClient
{
    /// <summary>Saves the signed-in person's Anagrafica: what the registry pre-filled is kept, the required gaps get plausible values.</summary>
    public static async Task CompleteAnagraficaAsync(this HttpClient client)
    {
        var profilo = await client.GetFromJsonAsync<JsonObject>("/api/v1/profilo")
            ?? throw new InvalidOperationException("Profilo non leggibile.");
        var input = profilo["modificabili"]!.AsObject();
        void Default(string field, string value)
        {
            if (string.IsNullOrWhiteSpace(input[field]?.GetValue<string>())) input[field] = value;
        }
        Default("residenzaVia", "Via Giuseppe Garibaldi");
        Default("residenzaCivico", "1");
        Default("residenzaCap", "60121");
        Default("residenzaComune", "042002");
        Default("email", "persona.prova@example.org");
        Default("cittadinanza", "100");
        var response = await client.PutAsJsonAsync("/api/v1/profilo", input);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Anagrafica non salvata ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
    }
}
