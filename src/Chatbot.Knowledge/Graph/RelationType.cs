namespace Chatbot.Knowledge.Graph;

/// <summary>
/// The fifteen directed relation kinds, read "source relation target" (<c>Alice leads Falcon</c>). Persisted as a
/// byte: never renumber, only append. <see cref="GraphSchema.Relation"/> gives each one's wire name, description and
/// phrasing in both directions.
/// </summary>
public enum RelationType : byte
{
    /// <summary><c>is_a</c>: the source is an instance or subtype of the target.</summary>
    IsA = 0,

    /// <summary><c>part_of</c>: the source is a component, division or subset of the target.</summary>
    PartOf = 1,

    /// <summary><c>contains</c>: the source includes or consists of the target.</summary>
    Contains = 2,

    /// <summary><c>implements</c>: the source realises, complies with or carries out the target.</summary>
    Implements = 3,

    /// <summary><c>leads</c>: the source heads, directs or manages the target.</summary>
    Leads = 4,

    /// <summary><c>member_of</c>: the source is a member, employee or participant of the target.</summary>
    MemberOf = 5,

    /// <summary><c>belongs_to</c>: the source is owned by or attached to the target.</summary>
    BelongsTo = 6,

    /// <summary><c>funded_by</c>: the source receives money from the target.</summary>
    FundedBy = 7,

    /// <summary><c>located_in</c>: the source is situated or based in the target.</summary>
    LocatedIn = 8,

    /// <summary><c>founded_by</c>: the source was founded, created or established by the target.</summary>
    FoundedBy = 9,

    /// <summary><c>collaborates_with</c>: the source works together with the target (symmetric in meaning).</summary>
    CollaboratesWith = 10,

    /// <summary><c>causes</c>: the source brings about the target.</summary>
    Causes = 11,

    /// <summary><c>depends_on</c>: the source requires or relies on the target.</summary>
    DependsOn = 12,

    /// <summary><c>produces</c>: the source makes, develops or publishes the target.</summary>
    Produces = 13,

    /// <summary><c>related_to</c>: an unspecified association, for example mentioned in the same sentence.</summary>
    RelatedTo = 14,
}
