using static Chatbot.Knowledge.Graph.RelationType;
using static Chatbot.Knowledge.Graph.Extraction.Patterns.Connector;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// English relation wordings, matched against the lower-cased text between two mentions with a trailing article
/// removed (<c>"is funded by the"</c> → <c>is funded by</c>). The first match wins, so specific wordings come first.
/// </summary>
internal static class EnglishConnectors
{
    private const string Leaders = "leader|head|director|manager|chair|chairman|chairwoman|chairperson|ceo|president|lead|principal investigator";
    private const string Members = "member|members|employee|employees|staff member|researcher|engineer|scientist|fellow|partner|student|professor|analyst|consultant";

    public static IReadOnlyList<Connector> All { get; } =
    [
        Between("{ADV}(?:leads|led|heads|headed|directs|directed|runs|ran|manages|managed|chairs|chaired|oversees|oversaw|supervises|supervised)", Leads, 0.9),
        Between($"{{BE}} {{ADV}}{{ART}}(?:{Leaders}) (?:of|at)", Leads, 0.85),
        Between($", {{ART}}(?:who (?:is|was) {{ART}})?(?:{Leaders}) (?:of|at)", Leads, 0.8),
        Between("{BE} {ADV}(?:led|headed|directed|run|managed|chaired|overseen|supervised) by", Leads, 0.9, reversed: true),
        Between(",? (?:led|headed|directed|run|managed|chaired) by", Leads, 0.85, reversed: true),
        Between($"'s? (?:{Leaders}),?", Leads, 0.8, reversed: true),

        Between($"{{BE}} {{ADV}}(?:a |an |one of the )?(?:{Members}) (?:of|at|in|with)", MemberOf, 0.85),
        Between("{ADV}(?:joined|joins|join|works for|worked for|works at|worked at|work for|work at)", MemberOf, 0.8),
        Between($", {{ART}}(?:{Members}) (?:of|at)", MemberOf, 0.8),
        Between(", who (?:works|worked) (?:for|at)", MemberOf, 0.75),

        Between("{BE} {ADV}(?:co-?founded|founded|established|set up|formed|incorporated) by", FoundedBy, 0.9),
        Between(",? (?:co-?founded|founded|established|formed) by", FoundedBy, 0.85),
        Between("{ADV}(?:co-?founded|founded|established|set up)", FoundedBy, 0.85, reversed: true),
        Between("{BE} {ADV}(?:the |a |one of the )?(?:co-?founder|founder|creator)s? of", FoundedBy, 0.85, reversed: true),
        Between(", {ART}(?:co-?founder|founder|creator) of", FoundedBy, 0.8, reversed: true),

        Between("{BE} {ADV}(?:funded|financed|sponsored|backed|bankrolled|underwritten|paid for|supported financially) by", FundedBy, 0.9),
        Between("{ADV}(?:receives|received|receive|gets|got|obtains|obtained|secures|secured) (?:funding|financing|grants?|investment|money|sponsorship) from", FundedBy, 0.85),
        Between(",? (?:funded|financed|sponsored|backed) by", FundedBy, 0.85),
        Between("{ADV}(?:funds|funded|fund|finances|financed|finance|sponsors|sponsored|sponsor|bankrolls|bankrolled|invests in|invested in|invest in)", FundedBy, 0.85, reversed: true),

        Between("{BE} {ADV}(?:located|based|headquartered|situated) (?:in|at)", LocatedIn, 0.9),
        Between(",? (?:located|based|headquartered|situated) (?:in|at)", LocatedIn, 0.85),
        Between("(?:has|had) (?:its )?(?:headquarters|head office|offices?) in", LocatedIn, 0.8),
        Between("'s? (?:headquarters|head office) (?:is|are|was|were) (?:located )?in", LocatedIn, 0.85),
        Between("{ADV}(?:lives|lived|resides|resided) in", LocatedIn, 0.8),

        Between("{BE} {ADV}(?:a |an |one )?(?:part|component|subsidiary|division|unit|branch|module|subset|department|section|chapter) of", PartOf, 0.85),
        Between(", {ART}(?:part|component|subsidiary|division|unit|branch|module) of", PartOf, 0.8),
        Between("{BE} {ADV}(?:included|contained) in", PartOf, 0.75),

        Between("{ADV}(?:belongs|belonged|belong) to|{BE} {ADV}(?:owned|held|operated) by|{BE} {ART}property of", BelongsTo, 0.85),
        Between(",? (?:owned|operated) by", BelongsTo, 0.8),
        Between("{ADV}(?:owns|owned|own|operates|operated)", BelongsTo, 0.75, reversed: true),

        Between("{BE} {ADV}(?:produced|manufactured|made|built|developed|created|published|generated|released|designed|launched|written|authored) by", Produces, 0.85, reversed: true),
        Between(",? (?:produced|manufactured|made|built|developed|created|published|designed|written) by", Produces, 0.8, reversed: true),
        Between("{ADV}(?:produces|produced|produce|manufactures|manufactured|develops|developed|develop|publishes|published|generates|generated|releases|released|ships|shipped|designs|designed)", Produces, 0.8),
        Between("{ADV}(?:makes|made|make|builds|built|build|creates|created|create|launches|launched|sells|sold)", Produces, 0.7),

        Between("{BE} {ADV}(?:an )?implementation of", Implements, 0.85),
        Between("{BE} {ADV}(?:implemented|realized|realised|adopted|executed) by", Implements, 0.8, reversed: true),
        Between("{ADV}(?:implements|implemented|implement|realizes|realises|realized|realised|adopts|adopted|complies with|complied with|conforms to|executes|executed)", Implements, 0.8),

        Between("{ADV}(?:collaborates|collaborated|collaborate|partners|partnered|partner|cooperates|cooperated|cooperate|works|worked|teamed up|teams up|allied) with", CollaboratesWith, 0.8),
        Between("{BE} {ADV}(?:a |an )?(?:partner|partners|collaborator|collaborators|ally|allies) (?:of|with)", CollaboratesWith, 0.8),
        Between(",? (?:in (?:collaboration|partnership|cooperation) with|together with|jointly with)", CollaboratesWith, 0.7),

        Between("{BE} {ADV}(?:caused|triggered|brought about) by|{ADV}(?:results|resulted|stems|stemmed) from|{BE} {ART}result of", Causes, 0.8, reversed: true),
        Between("{ADV}(?:causes|caused|cause|leads to|led to|lead to|results in|resulted in|triggers|triggered|trigger|gives rise to|gave rise to|contributes to|contributed to|brings about|brought about)|{BE} {ART}cause of", Causes, 0.8),

        Between("{BE} {ADV}(?:required|needed) by|{BE} {ART}(?:dependency|prerequisite|requirement) (?:of|for)", DependsOn, 0.8, reversed: true),
        Between("{ADV}(?:depends|depended|depend|relies|relied|rely) (?:up)?on|{ADV}(?:requires|required|require|needs|needed|need)|{BE} {ADV}(?:dependent|reliant|based|built) (?:up)?on(?: top of)?", DependsOn, 0.8),
        Between("{ADV}(?:uses|used|use)", DependsOn, 0.6),

        Between("{ADV}(?:contains|contained|includes|included|comprises|comprised|consists of|consisted of|incorporates|incorporated|encompasses)|{BE} {ADV}(?:composed|made up|comprised) of", Contains, 0.75),

        Between("{BE} {ADV}(?:a|an|one of the|a type of|a kind of|a form of|an example of|an instance of)", IsA, 0.7),
    ];
}
