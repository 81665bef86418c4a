namespace Chatbot.Knowledge.Graph;

/// <summary>
/// The ten kinds of entity the knowledge graph holds. Persisted as a byte: never renumber, only append.
/// <see cref="GraphSchema.Entity"/> gives each one's wire name and description.
/// </summary>
public enum EntityType : byte
{
    /// <summary><c>person</c>: a named human being.</summary>
    Person = 0,

    /// <summary><c>organization</c>: a company, institution, agency, team or other group.</summary>
    Organization = 1,

    /// <summary><c>product</c>: something made or offered: software, hardware, a service, a model.</summary>
    Product = 2,

    /// <summary><c>location</c>: a place: country, city, address, region, site.</summary>
    Location = 3,

    /// <summary><c>concept</c>: an idea, technology, field, category or term.</summary>
    Concept = 4,

    /// <summary><c>process</c>: a procedure, workflow, method, project or programme carried out over time.</summary>
    Process = 5,

    /// <summary><c>event</c>: something that happened or will happen: a meeting, launch, incident, conference.</summary>
    Event = 6,

    /// <summary><c>time</c>: a date, year, quarter or period.</summary>
    Time = 7,

    /// <summary><c>document</c>: a report, policy, standard, law, contract, manual or paper.</summary>
    Document = 8,

    /// <summary><c>metric</c>: a measured quantity with its unit: revenue, a percentage, a count, a duration.</summary>
    Metric = 9,
}
