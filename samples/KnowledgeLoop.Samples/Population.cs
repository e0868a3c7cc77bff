using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Samples;

/// <summary>The customers (contacts at companies, with a heavy-tailed activity) and the support team.</summary>
internal sealed class Population
{
    private static readonly string[] FirstNames = ["Anna", "Ben", "Carla", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jack", "Kavya", "Liam", "Maya", "Noah", "Olivia", "Pedro", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoë", "José", "Søren", "Aoife", "Mateo", "Priya", "Lukas", "Chloé", "Tomasz", "Amara", "Ethan", "Leila", "Marco", "Nia", "Oscar", "Sofia"];
    private static readonly string[] LastNames = ["Smith", "Jones", "García", "Müller", "Nguyen", "Patel", "O'Brien", "Kowalski", "Rossi", "Dubois", "Kim", "Cohen", "Silva", "Andersen", "Okafor", "Tanaka", "Brown", "Wilson", "Taylor", "Martin", "Novak", "Haddad", "Fischer", "Walsh", "Ivanova", "Lopez", "Clarke", "Reyes", "Schmidt", "Moreau"];
    private static readonly string[] CompanyFirst = ["Harbor", "Blue", "Maple", "Copper", "Quarry", "Tide", "Red", "Pine", "Oak", "Silver", "North", "Sun", "Cedar", "Granite", "Willow", "Summit", "River", "Golden", "Iron", "Lark", "Birch", "Fox", "Meadow", "Stone"];
    private static readonly string[] CompanySecond = ["Lane", "Fern", "Leaf", "Hill", "Water", "Wood", "Ridge", "Field", "Gate", "Point", "Brook", "Peak", "Bay", "Crest", "Mill"];
    private static readonly string[] CompanyKind = ["Bakery", "Studio", "Logistics", "Dental", "Plumbing", "Design", "Consulting", "Marine", "Analytics", "Architects", "Clinic", "Events", "Coffee", "Outfitters", "Electrical", "Landscaping", "Media", "Supplies", "Fitness", "Legal", "Accounting", "Interiors", "Imports", "Garage"];
    private static readonly string[] Roles = ["Office Manager", "Accounts Payable", "Owner", "Bookkeeper", "Finance Director", "Operations", "Managing Partner", "Accounts Receivable"];

    private readonly double[] _cumulativeActivity;

    public Population(int contactCount, Prng rng)
    {
        var companyCount = Math.Max(10, (int)(contactCount / 2.4));
        Companies = new Company[companyCount];
        for (var i = 0; i < companyCount; i++)
        {
            var name = $"{rng.Pick(CompanyFirst)}{rng.Pick(CompanySecond).ToLowerInvariant()} {rng.Pick(CompanyKind)}";
            if (rng.Chance(0.3))
            {
                name += rng.Pick([" Ltd", " LLC", " Inc.", " GmbH", " & Co", " Pty Ltd"]);
            }

            var domain = Slug(name) + ".example.com";
            var uk = rng.Chance(0.3);
            Companies[i] = new Company(name, domain, uk);
        }

        Contacts = new Contact[contactCount];
        _cumulativeActivity = new double[contactCount];
        var total = 0.0;
        for (var i = 0; i < contactCount; i++)
        {
            // Contacts fill companies round-robin after the first pass, so big companies have several people.
            var company = i < companyCount ? i : rng.Next(companyCount);
            var first = rng.Pick(FirstNames);
            var last = rng.Pick(LastNames);
            Contacts[i] = new Contact(string.Create(CultureInfo.InvariantCulture, $"CUS-{i + 1:D6}"), first, last, company, rng.Pick(Roles), rng.Next(1000));

            // Heavy tail: a few contacts write a lot (repeat contacts), most write once or twice.
            total += Math.Exp(0.8 * rng.Gaussian());
            _cumulativeActivity[i] = total;
        }
    }

    public Company[] Companies { get; }

    public Contact[] Contacts { get; }

    public static IReadOnlyDictionary<string, string[]> Agents { get; } = new Dictionary<string, string[]>
    {
        ["tier1"] = ["Alex Morgan", "Bea Lindqvist", "Carlos Mendes", "Dana Whitfield", "Eli Brooks", "Fatima Zahra", "Gus Halvorsen", "Hana Sato", "Ivan Petrov", "Jess Owens"],
        ["tier2"] = ["Kira Novak", "Leo Hartmann", "Mina Park", "Nico Ferreira"],
        ["billing"] = ["Olga Sand", "Paul Mercer", "Rita Chandra"],
        ["integrations"] = ["Sven Ek", "Tomás Ruiz", "Ursula Grant", "Vik Rao"],
    };

    public const string BotName = "Ledgerly Assistant";

    public int PickContact(Prng rng) => rng.PickCumulative(_cumulativeActivity);

    private static readonly string[] AreaCodes = ["212", "415", "312", "617", "206", "512", "303", "305"];

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = char.ToLowerInvariant(c) switch
            {
                'á' or 'à' or 'ä' or 'â' => 'a',
                'é' or 'è' or 'ë' or 'ê' => 'e',
                'í' or 'ï' => 'i',
                'ó' or 'ö' or 'ø' or 'ô' => 'o',
                'ú' or 'ü' => 'u',
                var other => other,
            };
            if (char.IsAsciiLetterOrDigit(folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>The fake e-mail address in a contact's signature (example.com subdomains only).</summary>
    public string Email(Contact contact) => $"{Slug(contact.FirstName)}.{Slug(contact.LastName)}@{Companies[contact.Company].Domain}";

    /// <summary>The fake phone number in a contact's signature (555-01xx and Ofcom's drama range only).</summary>
    public string Phone(Contact contact) => Companies[contact.Company].Uk
        ? string.Create(CultureInfo.InvariantCulture, $"+44 20 7946 0{100 + (contact.PhoneSeed % 900)}")
        : string.Create(CultureInfo.InvariantCulture, $"+1 {AreaCodes[contact.PhoneSeed % AreaCodes.Length]}-555-01{contact.PhoneSeed % 100:D2}");

    internal sealed record Company(string Name, string Domain, bool Uk);

    // Emails and phones are derived on demand: a 1M-ticket run has 200k contacts and they need not sit in memory.
    internal sealed record Contact(string Id, string FirstName, string LastName, int Company, string Role, int PhoneSeed);
}
