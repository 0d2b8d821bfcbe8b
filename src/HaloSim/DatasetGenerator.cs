using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// Builds an instance's records from a seed. Every random choice comes from one <see cref="Random"/> in a fixed
/// order and every date is relative to the anchor (the simulator clock's now when the instance started), so the same
/// seed, sizes and anchor always give the same data, and the newest records are minutes old whenever the simulator runs. Records are as wide as HaloPSA's (dozens of fields, nested custom fields) so response trimming
/// can be measured.
/// </summary>
internal sealed class DatasetGenerator
{
    private const double TaxRate = 0.2;

    private static readonly string[] FirstNames = ["Sam", "Jo", "Alex", "Chris", "Pat", "Morgan", "Taylor", "Jamie", "Robin", "Casey", "Drew", "Kim", "Lee", "Max", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Theo", "Uma", "Victor", "Wen", "Yara", "Zoe"];
    private static readonly string[] LastNames = ["Bloggs", "Smith", "Jones", "Patel", "Nguyen", "Garcia", "Müller", "Okafor", "Kowalski", "Rossi", "Dubois", "Tanaka", "Silva", "Khan", "Murphy", "Novak", "Larsen", "Cohen", "Ahmed", "Evans"];
    private static readonly string[] CompanyWords = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Adatum", "Litware", "Proseware", "Woodgrove", "Lucerne", "Wingtip", "Alpine", "Coho", "Fourth", "Graphic", "Humongous", "Margie", "Trey", "Blue Yonder", "Relecloud", "Wide World"];
    private static readonly string[] CompanySuffixes = ["Ltd", "LLC", "Group", "Partners", "Holdings", "Inc", "& Co", "Services"];
    private static readonly string[] Towns = ["London", "Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff", "York", "Bath", "Derby", "Exeter"];
    private static readonly string[] Problems = ["Printer offline", "Cannot log in", "Email not syncing", "VPN drops", "Laptop slow", "New starter setup", "Password reset", "Outlook crashes", "Wi-Fi unstable", "Server disk full", "Backup failed", "Licence request", "Teams audio issue", "Phone not ringing", "Firewall alert", "Software install", "Shared drive missing", "Monitor flickering", "MFA reset", "Leaver account disable"];
    private static readonly string[] Categories = ["Hardware>Printer", "Hardware>Laptop", "Software>Office", "Network>VPN", "Network>Wi-Fi", "Accounts>Password", "Server>Storage", "Backup>Failure"];
    private static readonly string[] Notes = ["Called user, investigating", "Replaced toner", "Remote session to check logs", "Waiting on user to confirm", "Escalated to 2nd line", "Applied fix and tested", "Emailed supplier", "Rebooted device", "Reset password and MFA", "Closed as resolved with user"];

    private readonly int _seed;
    private readonly SimSizeOptions _sizes;

    // Activity (tickets, actions, logins) lies before the anchor itself; calendar fields (schedules, contract periods)
    // fall on midnights, as HaloPSA's do, so they count from the anchor's day.
    private readonly DateTime _anchor;
    private readonly DateTime _today;
    private readonly SimTables _t;
    private readonly bool[] _generated = new bool[7];
    private Random _rng;

    private DatasetGenerator(int seed, SimSizeOptions sizes, DateTime anchor)
    {
        _seed = seed;
        _anchor = DateTime.SpecifyKind(anchor, DateTimeKind.Utc);
        _today = _anchor.Date;
        _rng = new Random(seed);
        _sizes = sizes;
        _t = new SimTables(Ensure);
    }

    /// <summary>
    /// Tables that fill themselves on first touch, one group of related kinds at a time (reference data, customers,
    /// tickets with their actions and projects, assets, contracts, revenue, reports). Each group draws from its own
    /// random stream seeded from the instance seed, so the data does not depend on which group is touched first,
    /// and a test that only lists clients never pays for twenty thousand actions.
    /// </summary>
    public static SimTables Create(int seed, SimSizeOptions sizes, DateTime anchor) => new DatasetGenerator(seed, sizes, anchor)._t;

    private static int GroupOf(SimEntityKind kind) => kind switch
    {
        SimEntityKind.Team or SimEntityKind.Agent or SimEntityKind.Status or SimEntityKind.TicketType
            or SimEntityKind.Priority or SimEntityKind.Outcome or SimEntityKind.AssetType => 0,
        SimEntityKind.Client or SimEntityKind.Site or SimEntityKind.User => 1,
        SimEntityKind.Ticket or SimEntityKind.Action or SimEntityKind.Project => 2,
        SimEntityKind.Asset => 3,
        SimEntityKind.Contract => 4,
        SimEntityKind.Invoice or SimEntityKind.RecurringInvoice => 5,
        _ => 6,
    };

    private void Ensure(SimEntityKind kind)
    {
        var group = GroupOf(kind);
        if (_generated[group])
        {
            return;
        }

        // Marked first: the group's own steps read its tables while filling them. Dependencies generate on demand,
        // each with its own stream, so the caller's stream is restored afterwards.
        _generated[group] = true;
        var outer = _rng;
        _rng = new Random(unchecked((_seed * 397) + group));
        switch (group)
        {
            case 0:
                Teams();
                Agents();
                Statuses();
                TicketTypes();
                Priorities();
                Outcomes();
                AssetTypes();
                break;
            case 1:
                Clients();
                Sites();
                Users();
                break;
            case 2:
                Tickets();
                Actions();
                Projects();
                break;
            case 3:
                Assets();
                break;
            case 4:
                Contracts();
                break;
            case 5:
                RecurringInvoices();
                Invoices();
                break;
            default:
                Reports();
                break;
        }

        _rng = outer;
    }

    // --- reference data -------------------------------------------------------------------------------------

    private void Teams()
    {
        string[] names = ["1st Line Support", "2nd Line Support", "Projects", "Field Engineering", "Service Desk", "NOC", "Infrastructure", "Security", "Onboarding", "Billing"];
        var count = Math.Max(1, _sizes.Teams);
        for (var i = 0; i < count; i++)
        {
            var name = i < names.Length ? names[i] : $"Team {i + 1}";
            _t.Add(SimEntityKind.Team, new JsonObject
            {
                ["name"] = name, ["sequence"] = i + 1, ["forrequests"] = name != "Projects", ["foropps"] = false,
                ["forprojects"] = name == "Projects", ["ticket_count"] = 0, ["department_id"] = 1,
                ["department_name"] = "Support", ["inactive"] = count > 5 && i == count - 1, ["colour"] = Colour(),
                ["use"] = "reqs", ["guid"] = NewGuid(), ["agents"] = new JsonArray(),
                ["ticket_count_unassigned"] = 0, ["teamphoto"] = "", ["email"] = "", ["manager_id"] = 0, ["access_control_level"] = 0,
                ["isdefault"] = i == 0, ["roundrobin"] = false, ["allowed_ticket_types"] = new JsonArray(), ["notes"] = "",
            });
        }
    }

    private void Agents()
    {
        var teams = _t[SimEntityKind.Team].Values.ToArray();
        var count = Math.Max(1, _sizes.Agents);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            var team = teams[i % teams.Length];
            var agent = new JsonObject
            {
                ["name"] = $"{first} {last}", ["firstname"] = first, ["surname"] = last,
                ["email"] = $"{first}.{last}@msp.example".ToLowerInvariant(), ["initials"] = $"{first[0]}{last[0]}",
                ["jobtitle"] = i == 0 ? "Service Manager" : "Engineer", ["team"] = JsonFields.String(team, "name"),
                ["team_id"] = JsonFields.Int(team, "id"),
                ["teams"] = new JsonArray(new JsonObject { ["id"] = JsonFields.Int(team, "id"), ["name"] = JsonFields.String(team, "name") }),
                ["departments"] = new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "Support" }),
                ["roles"] = new JsonArray(new JsonObject { ["id"] = i == 0 ? 1 : 2, ["name"] = i == 0 ? "Administrator" : "Technician" }),
                ["isdisabled"] = count > 3 && i == count - 1, ["is_agent"] = true, ["isapiagent"] = false,
                ["colour"] = Colour(), ["costprice"] = 35.0, ["chargerate"] = 85.0, ["phonenumber"] = Phone(),
                ["signature"] = $"<p>{first} {last}<br/>MSP Example</p>", ["timezone"] = "GMT Standard Time",
                ["lastlogindate"] = Date(_anchor.AddDays(-_rng.Next(1, 30))), ["use"] = "agent", ["guid"] = NewGuid(),
            };
            var id = _t.Add(SimEntityKind.Agent, agent);
            team["agents"]!.AsArray().Add(new JsonObject { ["id"] = id, ["name"] = $"{first} {last}" });
        }
    }

    private void Statuses()
    {
        (int Id, string Name)[] statuses =
        [
            (1, "New"), (2, "In Progress"), (3, "Action Required"), (4, "Waiting on User"), (5, "On Hold"),
            (6, "Scheduled"), (7, "Waiting on Supplier"), (8, "Cancelled"), (9, "Closed"),
        ];
        foreach (var (id, name) in statuses)
        {
            _t.Add(SimEntityKind.Status, new JsonObject
            {
                ["name"] = name, ["shortname"] = name[..Math.Min(4, name.Length)].ToUpperInvariant(),
                ["type"] = 0, ["sequence"] = id == 9 ? 99 : id, ["colour"] = Colour(),
                ["slaaction"] = id is 4 or 5 or 7 ? "Hold" : "Continue", ["ticket_count"] = 0,
                ["showonquickchange"] = true, ["useforopps"] = false, ["guid"] = NewGuid(),
                ["useforprojects"] = true, ["useforservices"] = true, ["enduserdisplayname"] = name, ["emailtemplate_id"] = 0,
                ["onhold"] = id is 4 or 5 or 7, ["is_closed_type"] = id is 8 or 9, ["access_control_level"] = 0,
                ["agent_can_select"] = true, ["enduser_can_select"] = false, ["mailbox_id"] = 0, ["category"] = 0,
            });
            _ = id;
        }
    }

    private void TicketTypes()
    {
        string[] names = ["Incident", "Service Request", "Problem", "Change Request", "Project"];
        for (var i = 0; i < names.Length; i++)
        {
            _t.Add(SimEntityKind.TicketType, new JsonObject
            {
                ["name"] = names[i], ["use"] = 1, ["sequence"] = i + 1, ["default_sla"] = 1,
                ["default_priority"] = 3, ["default_team"] = "1st Line Support", ["default_agent"] = 0,
                ["group_id"] = 1, ["group_name"] = "Service", ["agentscanselect"] = true,
                ["enduserscanselect"] = i < 2, ["itilrequesttype"] = i + 1, ["workflow_id"] = 0,
                ["project_type"] = names[i] == "Project", ["visible"] = true, ["guid"] = NewGuid(),
                ["showonportal"] = i < 2, ["allowattachments"] = true, ["defaultstatus"] = 1, ["default_category_1"] = "",
                ["requiresapproval"] = false, ["inactive"] = false, ["shortname"] = names[i][..3].ToUpperInvariant(),
                ["copytochild"] = false, ["slaoverride"] = false, ["access_control_level"] = 0,
            });
        }
    }

    private void Priorities()
    {
        (string Name, double Response, double Fix)[] levels = [("Critical", 0.5, 4), ("High", 1, 8), ("Medium", 4, 24), ("Low", 8, 72)];
        var key = 0;
        for (var sla = 1; sla <= 2; sla++)
        {
            for (var p = 0; p < levels.Length; p++)
            {
                _t.AddKeyed(SimEntityKind.Priority, ++key, new JsonObject
                {
                    ["id"] = NewGuid(), ["slaid"] = sla, ["priorityid"] = p + 1, ["name"] = levels[p].Name,
                    ["responsetime"] = sla == 2 ? levels[p].Response / 2 : levels[p].Response,
                    ["responseunits"] = "hours", ["fixtime"] = sla == 2 ? levels[p].Fix / 2 : levels[p].Fix,
                    ["fixunits"] = "hours", ["ishidden"] = false, ["colour"] = Colour(), ["workdaysonly"] = sla == 1,
                    ["sla_name"] = sla == 1 ? "Standard SLA" : "Premium SLA",
                });
            }
        }
    }

    private void Outcomes()
    {
        (string Name, bool Hidden, int System)[] outcomes =
        [
            ("Private Note", true, 0), ("Phone Call", false, 0), ("Email", false, 0), ("Remote Session", false, 0),
            ("Site Visit", false, 0), ("Public Note", false, 0), ("Status Change", true, 1),
        ];
        for (var i = 0; i < outcomes.Length; i++)
        {
            _t.Add(SimEntityKind.Outcome, new JsonObject
            {
                ["outcome"] = outcomes[i].Name, ["buttonname"] = outcomes[i].Name, ["hidefromuser"] = outcomes[i].Hidden,
                ["systemid"] = outcomes[i].System, ["sequence"] = i + 1, ["colour"] = Colour(), ["icon"] = "fa-comment",
                ["defaultemail"] = outcomes[i].Name == "Email", ["timetakenmandatory"] = false, ["useforactions"] = true,
                ["new_status"] = 0, ["followup_action"] = false, ["sendemail"] = outcomes[i].Name == "Email", ["showtimetaken"] = true,
                ["showchargerate"] = true, ["chargerate_id"] = 0, ["isbillable"] = !outcomes[i].Hidden, ["agentonly"] = outcomes[i].Hidden,
                ["inactive"] = false, ["guid"] = NewGuid(), ["access_control_level"] = 0,
            });
        }
    }

    private void AssetTypes()
    {
        string[] names = ["Workstation", "Laptop", "Server", "Firewall", "Printer", "Switch"];
        foreach (var name in names)
        {
            _t.Add(SimEntityKind.AssetType, new JsonObject
            {
                ["name"] = name, ["assetgroup_id"] = name is "Firewall" or "Switch" ? 2 : 1,
                ["assetgroup_name"] = name is "Firewall" or "Switch" ? "Network" : "Computers",
                ["keyfield_id"] = 1, ["keyfield_name"] = "Hostname", ["keyfield2_id"] = 2, ["keyfield2_name"] = "Serial Number",
                ["keyfield3_id"] = 3, ["keyfield3_name"] = "Model", ["cost"] = 0.0, ["weeklycost"] = 0.0, ["monthlycost"] = 0.0,
                ["quarterlycost"] = 0.0, ["sixmonthlycost"] = 0.0, ["yearlycost"] = 0.0, ["twoyearlycost"] = 0.0,
                ["threeyearlycost"] = 0.0, ["fouryearlycost"] = 0.0, ["fiveyearlycost"] = 0.0, ["inactive"] = false,
            });
        }
    }

    // --- customers ------------------------------------------------------------------------------------------

    private void Clients()
    {
        for (var i = 0; i < _sizes.Clients; i++)
        {
            var word = CompanyWords[i % CompanyWords.Length];
            var suffix = CompanySuffixes[(i / CompanyWords.Length) % CompanySuffixes.Length];
            var round = i / (CompanyWords.Length * CompanySuffixes.Length);
            var name = round == 0 ? $"{word} {suffix}" : $"{word} {suffix} {round + 1}";
            _t.Add(SimEntityKind.Client, new JsonObject
            {
                ["name"] = name, ["toplevel_id"] = 1, ["toplevel_name"] = "Customers", ["inactive"] = _rng.NextDouble() < 0.05,
                ["colour"] = Colour(), ["notes"] = $"Customer since {2010 + _rng.Next(15)}.", ["is_vip"] = _rng.NextDouble() < 0.1,
                ["main_site_id"] = 0, ["main_site_name"] = "", ["accountsid"] = $"ACC{1000 + i}",
                ["website"] = $"https://www.{word.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}{i}.example",
                ["open_ticket_count"] = 0, ["default_currency_code"] = 0, ["taxable"] = true, ["client_to_invoice"] = 0,
                ["client_to_invoice_recurring"] = 0, ["billingplans"] = new JsonArray(), ["sla_id"] = i % 4 == 0 ? 2 : 1,
                ["pritech"] = 0, ["sectech"] = 0, ["accountmanagertech"] = 0, ["main_phonenumber"] = Phone(),
                ["email"] = $"info@{word.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}{i}.example",
                ["prepay_balance"] = 0.0, ["date_created"] = Date(_anchor.AddDays(-_rng.Next(800, 4000))),
                ["guid"] = NewGuid(), ["customfields"] = CustomFields(), ["stopped"] = 0, ["confirmemail"] = false,
            });
        }
    }

    private void Sites()
    {
        var clients = _t[SimEntityKind.Client].Values.ToArray();
        for (var i = 0; i < _sizes.Sites && clients.Length > 0; i++)
        {
            // The first site of each client is its main site, so every client has at least one.
            var client = i < clients.Length ? clients[i] : clients[_rng.Next(clients.Length)];
            var town = Towns[_rng.Next(Towns.Length)];
            var main = i < clients.Length;
            var name = main ? "Head Office" : $"{town} Office";
            var site = new JsonObject
            {
                ["name"] = name, ["client_id"] = (double)JsonFields.Int(client, "id"), ["client_name"] = JsonFields.String(client, "name"),
                ["clientsite_name"] = $"{JsonFields.String(client, "name")}/{name}", ["inactive"] = !main && _rng.NextDouble() < 0.05,
                ["sla_id"] = JsonFields.Int(client, "sla_id"), ["phonenumber"] = Phone(), ["timezone"] = "GMT Standard Time",
                ["notes"] = "", ["maincontact_id"] = 0, ["maincontact_name"] = "",
                ["delivery_address_line1"] = $"{_rng.Next(1, 300)} High Street", ["delivery_address_line2"] = "",
                ["delivery_address_line3"] = town, ["delivery_address_line4"] = "", ["delivery_address_line5"] = $"AB{_rng.Next(1, 99)} {_rng.Next(1, 9)}CD",
                ["invoice_address_line1"] = $"{_rng.Next(1, 300)} High Street", ["invoice_address_line2"] = "",
                ["invoice_address_line3"] = town, ["invoice_address_line4"] = "", ["invoice_address_line5"] = "",
                ["isinvoicesite"] = main, ["isdeliverysite"] = true, ["isstocklocation"] = false, ["customfields"] = CustomFields(),
                ["guid"] = NewGuid(),
            };
            var id = _t.Add(SimEntityKind.Site, site);
            if (main)
            {
                client["main_site_id"] = id;
                client["main_site_name"] = name;
            }
        }
    }

    private void Users()
    {
        var sites = _t[SimEntityKind.Site].Values.ToArray();
        var agents = _t[SimEntityKind.Agent].Values.ToArray();
        for (var i = 0; i < _sizes.Users && sites.Length > 0; i++)
        {
            var site = sites[i < sites.Length ? i : _rng.Next(sites.Length)];
            var first = FirstNames[_rng.Next(FirstNames.Length)];
            var last = LastNames[_rng.Next(LastNames.Length)];
            var service = _rng.NextDouble() < 0.03;
            var linkedAgent = !service && _rng.NextDouble() < 0.02 ? JsonFields.Int(agents[_rng.Next(agents.Length)], "id") : 0;
            var siteId = JsonFields.Int(site, "id");
            _t.Add(SimEntityKind.User, new JsonObject
            {
                ["name"] = service ? $"svc-backup-{i}" : $"{first} {last}", ["firstname"] = service ? "" : first,
                ["surname"] = service ? "" : last, ["emailaddress"] = $"{first}.{last}{i}@customer.example".ToLowerInvariant(),
                ["phonenumber"] = Phone(), ["mobilenumber"] = Phone(), ["site_id"] = (double)siteId, ["site_id_int"] = siteId,
                ["site_name"] = JsonFields.String(site, "name"), ["client_id"] = JsonFields.Int(site, "client_id"),
                ["client_name"] = JsonFields.String(site, "client_name"), ["inactive"] = _rng.NextDouble() < 0.04,
                ["isimportantcontact"] = _rng.NextDouble() < 0.1, ["login"] = "", ["title"] = "", ["notes"] = "",
                ["isserviceaccount"] = service, ["linked_agent_id"] = linkedAgent, ["telpref"] = 0, ["neversendemails"] = false,
                ["priority_id"] = 0, ["customfields"] = CustomFields(), ["guid"] = NewGuid(), ["use"] = "user",
            });
        }
    }

    private void Contracts()
    {
        var clients = _t[SimEntityKind.Client].Values.ToArray();
        for (var i = 0; i < _sizes.Contracts && clients.Length > 0; i++)
        {
            var client = clients[_rng.Next(clients.Length)];
            var start = _today.AddDays(-_rng.Next(30, 1000));
            var end = start.AddYears(_rng.Next(1, 4));
            var active = end > _today && _rng.NextDouble() > 0.05;
            var amount = Money(200, 5000);
            _t.Add(SimEntityKind.Contract, new JsonObject
            {
                ["client_id"] = JsonFields.Int(client, "id"), ["client_name"] = JsonFields.String(client, "name"),
                ["ref"] = $"CON-{1000 + i}", ["refextra"] = "", ["start_date"] = Date(start), ["end_date"] = Date(end),
                ["started"] = true, ["expired"] = end <= _today, ["billingperiod"] = 1, ["billingdescription"] = 1,
                ["subtype"] = 0, ["status"] = active ? 1 : 2, ["site_id"] = JsonFields.Int(client, "main_site_id"),
                ["site_name"] = JsonFields.String(client, "main_site_name"), ["user_id"] = 0,
                ["sla_id"] = JsonFields.Int(client, "sla_id"), ["periodicinvoicenextdate"] = Date(_today.AddMonths(1)),
                ["next_invoice_date"] = Date(_today.AddMonths(1)), ["periodchargeamount"] = amount,
                ["contract_status"] = active ? "Active" : "Inactive", ["contracttype"] = 1, ["contracttype_name"] = "Managed Services",
                ["active"] = active, ["asset_value"] = 0.0, ["numberofunitsfree"] = 0.0, ["last_modified"] = Date(start),
                ["chargehoursperperiod"] = 0.0, ["costperperiod"] = Math.Round(amount * 0.4, 2), ["prepayrecurringcharge"] = 0.0,
                ["billing_period_string"] = "Monthly", ["billing_description_string"] = "In advance",
            });
        }
    }

    // --- tickets --------------------------------------------------------------------------------------------

    private void Tickets()
    {
        for (var i = 0; i < _sizes.Tickets; i++)
        {
            var ticket = NewFault(isProject: false);
            if (ticket is null)
            {
                return;
            }

            _t.Add(SimEntityKind.Ticket, ticket);
            LinkAsset(ticket, i);
        }
    }

    private Dictionary<int, JsonObject[]>? _assetsBySite;

    // Every third ticket concerns one of its site's assets, as a break-fix ticket does. The choice is arithmetic, not
    // random, so the tickets' own random stream (and so every other field) is the same as without links.
    private void LinkAsset(JsonObject ticket, int index)
    {
        if (index % 3 != 0)
        {
            return;
        }

        _assetsBySite ??= _t[SimEntityKind.Asset].Values
            .GroupBy(a => JsonFields.Int(a, "site_id"))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => JsonFields.Int(a, "id")).ToArray());
        if (_assetsBySite.TryGetValue(JsonFields.Int(ticket, "site_id"), out var assets) && assets.Length > 0)
        {
            var asset = assets[index / 3 % assets.Length];
            ticket["assets"] = new JsonArray(new JsonObject
            {
                ["id"] = JsonFields.Int(asset, "id"),
                ["inventory_number"] = JsonFields.String(asset, "inventory_number"),
                ["assettype_name"] = JsonFields.String(asset, "assettype_name"),
            });
        }
    }

    private void Projects()
    {
        for (var i = 0; i < _sizes.Projects; i++)
        {
            var project = NewFault(isProject: true);
            if (project is null)
            {
                return;
            }

            _t.Add(SimEntityKind.Project, project);
        }
    }

    private JsonObject[]? _faultSites;
    private JsonObject[]? _faultAgents;
    private JsonObject[]? _faultTeams;

    private JsonObject? NewFault(bool isProject)
    {
        var sites = _faultSites ??= _t[SimEntityKind.Site].Values.ToArray();
        if (sites.Length == 0)
        {
            return null;
        }

        var site = sites[_rng.Next(sites.Length)];
        var client = _t.Find(SimEntityKind.Client, JsonFields.Int(site, "client_id"))!;
        var siteId = JsonFields.Int(site, "id");
        var siteUsers = UsersBySite().GetValueOrDefault(siteId);
        var user = siteUsers is { Count: > 0 } ? siteUsers[_rng.Next(siteUsers.Count)] : null;
        var agents = _faultAgents ??= _t[SimEntityKind.Agent].Values.ToArray();
        var agent = _rng.NextDouble() < 0.1 ? null : agents[_rng.Next(agents.Length)];
        var teams = _faultTeams ??= _t[SimEntityKind.Team].Values.ToArray();
        var team = isProject ? teams.FirstOrDefault(t => JsonFields.String(t, "name") == "Projects") ?? teams[0] : teams[_rng.Next(teams.Length)];
        var roll = _rng.NextDouble();
        var statusId = roll < 0.45 ? 9 : roll < 0.5 ? 8 : 1 + _rng.Next(7);
        var typeId = isProject ? 5 : 1 + _rng.Next(4);
        var priorityId = 1 + _rng.Next(4);
        var slaId = JsonFields.Int(client, "sla_id");
        var occurred = _anchor.AddMinutes(-_rng.Next(10, 730 * 24 * 60)).AddMilliseconds(_rng.Next(1000));
        var closed = statusId is 8 or 9 ? InThePast(occurred.AddHours(_rng.Next(1, 240)), occurred) : (DateTime?)null;
        var problem = Problems[_rng.Next(Problems.Length)];
        var summary = isProject ? $"Project: {CompanyWords[_rng.Next(CompanyWords.Length)]} migration" : problem;
        var priority = PriorityRow(slaId, priorityId);
        return new JsonObject
        {
            ["summary"] = summary, ["details"] = $"{summary} reported by {(user is null ? "customer" : JsonFields.String(user, "name"))}. Please investigate.",
            ["details_html"] = $"<p>{summary}</p>", ["dateoccurred"] = Date(occurred), ["datecreated"] = Date(occurred),
            ["status_id"] = statusId, ["status_name"] = Name(SimEntityKind.Status, statusId),
            ["tickettype_id"] = typeId, ["tickettype_name"] = Name(SimEntityKind.TicketType, typeId),
            ["sla_id"] = slaId, ["sla_name"] = slaId == 1 ? "Standard SLA" : "Premium SLA",
            ["priority_id"] = priorityId, ["priority_name"] = JsonFields.String(priority, "name"),
            ["priority"] = new JsonObject { ["priorityid"] = priorityId, ["name"] = JsonFields.String(priority, "name"), ["responsetime"] = JsonFields.Double(priority, "responsetime") },
            ["client_id"] = JsonFields.Int(client, "id"), ["client_name"] = JsonFields.String(client, "name"),
            ["site_id"] = siteId, ["site_name"] = JsonFields.String(site, "name"),
            ["user_id"] = user is null ? 0 : JsonFields.Int(user, "id"), ["user_name"] = user is null ? "" : JsonFields.String(user, "name"),
            ["user_email"] = user is null ? "" : JsonFields.String(user, "emailaddress"), ["reportedby"] = user is null ? "" : JsonFields.String(user, "name"),
            ["team"] = JsonFields.String(team, "name"), ["team_id"] = JsonFields.Int(team, "id"),
            ["agent_id"] = agent is null ? 0 : JsonFields.Int(agent, "id"), ["agent_name"] = agent is null ? "" : JsonFields.String(agent, "name"),
            ["category_1"] = Categories[_rng.Next(Categories.Length)], ["category_2"] = "", ["category_3"] = "", ["category_4"] = "",
            ["estimate"] = isProject ? (double)_rng.Next(10, 200) : 0.0, ["timetaken"] = 0.0, ["onhold"] = statusId == 5,
            ["flagged"] = _rng.NextDouble() < 0.05, ["respondbydate"] = Date(occurred.AddHours(JsonFields.Double(priority, "responsetime"))),
            ["fixbydate"] = Date(occurred.AddHours(JsonFields.Double(priority, "fixtime"))),
            ["dateclosed"] = closed is null ? HaloDates.Unset : Date(closed.Value),
            ["dateassigned"] = agent is null ? HaloDates.Unset : Date(InThePast(occurred.AddMinutes(_rng.Next(1, 120)), occurred)),
            ["lastactiondate"] = Date(occurred), ["last_update"] = Date(closed ?? occurred),
            ["parent_id"] = 0, ["child_count"] = 0, ["inactive"] = false, ["deadlinedate"] = HaloDates.Unset,
            ["startdate"] = isProject ? Date(occurred) : HaloDates.Unset, ["targetdate"] = isProject ? Date(occurred.AddDays(60)) : HaloDates.Unset,
            ["impact"] = 1 + _rng.Next(3), ["urgency"] = 1 + _rng.Next(3), ["source"] = _rng.Next(4), ["contract_id"] = 0,
            ["assets"] = new JsonArray(), ["tags"] = new JsonArray(), ["oppvalue"] = 0.0, ["is_project"] = isProject,
            ["dont_do_rules"] = false, ["sla_timer_text"] = "", ["slastate"] = "I", ["excludefromsla"] = false,
            ["fixbydate_original"] = HaloDates.Unset, ["sla_response_state"] = "I", ["sla_hold_time"] = 0.0,
            ["sla_progress_perc"] = 0.0, ["followers"] = new JsonArray(), ["workflow_id"] = 0, ["workflow_step"] = 0,
            ["workflow_name"] = "", ["release_id"] = 0, ["supplier_id"] = 0, ["supplier_name"] = "", ["toplevel_id"] = 1,
            ["toplevel_name"] = "Customers", ["itil_requesttype_id"] = typeId, ["matched_kb_id"] = 0, ["product_id"] = 0,
            ["reviewed"] = false, ["read"] = true, ["enduserstatus"] = statusId, ["userdef1"] = "", ["userdef2"] = "",
            ["userdef3"] = "", ["userdef4"] = "", ["userdef5"] = "", ["budgettype_id"] = 0, ["billableproject"] = isProject,
            ["customfields"] = CustomFields(), ["guid"] = NewGuid(), ["attachment_count"] = 0, ["child_ticket_ids"] = new JsonArray(),
        };
    }

    private Dictionary<int, List<JsonObject>>? _usersBySite;

    private Dictionary<int, List<JsonObject>> UsersBySite() =>
        _usersBySite ??= _t[SimEntityKind.User].Values.GroupBy(u => JsonFields.Int(u, "site_id_int")).ToDictionary(g => g.Key, g => g.ToList());

    private void Actions()
    {
        var tickets = _t[SimEntityKind.Ticket].Values.ToArray();
        if (tickets.Length == 0)
        {
            return;
        }

        var outcomes = _t[SimEntityKind.Outcome].Values.ToArray();
        var agents = _t[SimEntityKind.Agent].Values.ToArray();
        var perTicket = _sizes.Actions / tickets.Length;
        var extra = _sizes.Actions % tickets.Length;
        for (var ti = 0; ti < tickets.Length; ti++)
        {
            var ticket = tickets[ti];
            var count = perTicket + (ti < extra ? 1 : 0);
            var when = JsonFields.Date(ticket, "dateoccurred")!.Value;
            var total = 0.0;
            for (var a = 0; a < count; a++)
            {
                when = InThePast(when.AddMinutes(_rng.Next(5, 2000)).AddMilliseconds(_rng.Next(1000)), when);
                var outcome = outcomes[_rng.Next(outcomes.Length)];
                var byAgent = _rng.NextDouble() < 0.8;
                var agent = agents[_rng.Next(agents.Length)];
                var time = byAgent ? Math.Round(_rng.Next(0, 9) * 0.25, 2) : 0.0;
                total += time;
                var system = JsonFields.Int(outcome, "systemid") > 0;
                var newStatus = a == count - 1 ? JsonFields.Int(ticket, "status_id") : (system ? 2 : 0);
                _t.Add(SimEntityKind.Action, new JsonObject
                {
                    ["ticket_id"] = JsonFields.Int(ticket, "id"), ["outcome"] = JsonFields.String(outcome, "outcome"),
                    ["outcome_id"] = JsonFields.Int(outcome, "id"), ["who"] = byAgent ? JsonFields.String(agent, "name") : JsonFields.String(ticket, "user_name"),
                    ["who_type"] = byAgent ? 1 : 2, ["who_agentid"] = byAgent ? JsonFields.Int(agent, "id") : 0,
                    ["who_imgpath"] = "", ["datetime"] = Date(when), ["actiondatecreated"] = Date(when), ["last_updated"] = Date(when),
                    ["note"] = system ? "Status changed" : Notes[_rng.Next(Notes.Length)],
                    ["note_html"] = $"<p>{Notes[_rng.Next(Notes.Length)]}</p>", ["timetaken"] = time, ["nonbilltime"] = 0.0,
                    ["hiddenfromuser"] = JsonFields.Bool(outcome, "hidefromuser"), ["important"] = false,
                    ["new_status"] = newStatus, ["new_status_name"] = newStatus > 0 ? Name(SimEntityKind.Status, newStatus) : "",
                    ["emailfrom"] = "", ["emailto"] = "", ["emailcc"] = "", ["actionchargehours"] = time,
                    ["actionchargeamount"] = Math.Round(time * 85, 2), ["chargerate"] = 85.0, ["actisbillable"] = time > 0,
                    ["attachment_count"] = 0, ["actionby_agent_id"] = byAgent ? JsonFields.Int(agent, "id") : 0,
                    ["action_systemid"] = JsonFields.Int(outcome, "systemid"), ["client_id"] = JsonFields.Int(ticket, "client_id"),
                    ["client_name"] = JsonFields.String(ticket, "client_name"), ["site_id"] = JsonFields.Int(ticket, "site_id"),
                    ["actionarrivaldate"] = HaloDates.Unset, ["actioncompletiondate"] = HaloDates.Unset, ["guid"] = NewGuid(),
                });
            }

            ticket["timetaken"] = Math.Round(total, 2);
            if (count > 0)
            {
                ticket["lastactiondate"] = Date(when);
            }
        }
    }

    private void Assets()
    {
        var sites = _t[SimEntityKind.Site].Values.ToArray();
        var types = _t[SimEntityKind.AssetType].Values.ToArray();
        for (var i = 0; i < _sizes.Assets && sites.Length > 0; i++)
        {
            var site = sites[_rng.Next(sites.Length)];
            var type = types[_rng.Next(types.Length)];
            var typeName = JsonFields.String(type, "name")!;
            var host = $"{typeName[..3].ToUpperInvariant()}-{i + 1:D5}";
            _t.Add(SimEntityKind.Asset, new JsonObject
            {
                ["inventory_number"] = host, ["key_field"] = host, ["key_field2"] = $"SN{_rng.Next(100000, 999999)}",
                ["key_field3"] = typeName == "Laptop" ? "ThinkPad T14" : "Generic", ["client_id"] = JsonFields.Int(site, "client_id"),
                ["client_name"] = JsonFields.String(site, "client_name"), ["site_id"] = JsonFields.Int(site, "id"),
                ["site_name"] = JsonFields.String(site, "name"), ["username"] = "", ["users"] = new JsonArray(),
                ["assettype_id"] = JsonFields.Int(type, "id"), ["assettype_name"] = typeName, ["status_id"] = 1,
                ["status_name"] = "Active", ["inactive"] = _rng.NextDouble() < 0.05, ["contract_id"] = 0, ["contract_ref"] = "",
                ["supplier_id"] = 0, ["warranty_end"] = Date(_today.AddDays(_rng.Next(-400, 900))),
                ["fields"] = new JsonArray(
                    new JsonObject { ["id"] = 1, ["name"] = "Hostname", ["value"] = host },
                    new JsonObject { ["id"] = 2, ["name"] = "Serial Number", ["value"] = $"SN{_rng.Next(100000, 999999)}" },
                    new JsonObject { ["id"] = 4, ["name"] = "Operating System", ["value"] = typeName == "Server" ? "Windows Server 2022" : "Windows 11 Pro" }),
                ["customfields"] = CustomFields(), ["notes"] = "", ["device_number"] = i + 1, ["assetgroup_id"] = JsonFields.Int(type, "assetgroup_id"),
                ["assetgroup_name"] = JsonFields.String(type, "assetgroup_name"), ["datecreated"] = Date(_anchor.AddDays(-_rng.Next(30, 1500))),
                ["guid"] = NewGuid(), ["third_party_id"] = "", ["business_owner_id"] = 0, ["technical_owner_id"] = 0,
            });
        }
    }

    // --- revenue --------------------------------------------------------------------------------------------

    private static readonly (string Name, int Months, int Code)[] Periods = [("Monthly", 1, 2), ("Quarterly", 3, 4), ("Annually", 12, 6)];

    private void RecurringInvoices()
    {
        var clients = _t[SimEntityKind.Client].Values.ToArray();
        string[] items = ["MSP-SEAT", "BACKUP-TB", "M365-E3", "AV-ENDPOINT", "FW-SUPPORT", "SERVER-MGMT"];
        for (var i = 0; i < _sizes.RecurringInvoices && clients.Length > 0; i++)
        {
            var client = clients[_rng.Next(clients.Length)];
            var period = _rng.NextDouble() < 0.75 ? Periods[0] : Periods[1 + _rng.Next(2)];
            var disabled = _rng.NextDouble() < 0.1;
            var start = _today.AddMonths(-_rng.Next(6, 30));
            start = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var lines = new JsonArray();
            var lineCount = 1 + _rng.Next(3);
            for (var l = 0; l < lineCount; l++)
            {
                var code = items[_rng.Next(items.Length)];
                var qty = 1 + _rng.Next(40);
                var unit = Money(5, 120);
                lines.Add(Line(code, $"{code} ({period.Name})", qty, unit, recurring: true, recurringLineId: 0, period.Months));
            }

            var template = new JsonObject
            {
                ["is_recurring_invoice"] = true, ["period"] = period.Code, ["period_type"] = period.Months,
                ["periodname"] = period.Name, ["lastcreated"] = Date(_today.AddMonths(-period.Months)),
                ["nextcreationdate"] = disabled ? HaloDates.Unset : Date(_today), ["nextcreationperiod"] = 1,
                ["schedule"] = new JsonObject
                {
                    ["period"] = period.Code, ["lastcreated"] = Date(_today.AddMonths(-period.Months)), ["nextcreationdate"] = Date(_today),
                    ["startdate"] = Date(start), ["end_date"] = HaloDates.Unset, ["disabled"] = disabled,
                },
                ["invoice_auto_increase_period"] = 0, ["invoice_percent_increase"] = 0.0, ["take_auto_payment"] = false,
                ["startdate"] = Date(start), ["enddate"] = HaloDates.Unset, ["invoice_date"] = Date(start),
                ["recurring_invoice_id"] = 0, ["invoicenumber"] = "", ["posted"] = false, ["voided"] = false,
                ["paymentstatus"] = 0, ["amountpaid"] = 0.0, ["lines"] = lines,
            };
            FillHeader(template, client);
            var id = _t.Add(SimEntityKind.RecurringInvoice, template);
            foreach (var line in lines)
            {
                line!["id"] = _t.NextId("invoicedetail");
                line["ihid"] = id;
                line["recurring_invoice_id"] = id;
            }

            Totals(template, period.Months, includeTotals: true);
        }
    }

    private void Invoices()
    {
        var clients = _t[SimEntityKind.Client].Values.ToArray();
        var templates = _t[SimEntityKind.RecurringInvoice].Values.ToArray();
        string[] oneOff = ["PROJECT-DAY", "BREAKFIX", "HARDWARE", "CABLING", "CONSULTANCY", "LICENCE-ONCE"];
        for (var i = 0; i < _sizes.Invoices && clients.Length > 0; i++)
        {
            var fromSchedule = templates.Length > 0 && _rng.NextDouble() < 0.6;
            var template = fromSchedule ? templates[_rng.Next(templates.Length)] : null;
            var client = template is null ? clients[_rng.Next(clients.Length)] : _t.Find(SimEntityKind.Client, JsonFields.Int(template, "client_id"))!;
            var date = _today.AddMonths(-_rng.Next(1, 24));
            date = fromSchedule ? new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc) : date.AddDays(_rng.Next(0, 28));
            var lines = new JsonArray();
            if (template is not null)
            {
                var months = JsonFields.Int(template, "period_type");
                foreach (var tl in template["lines"]!.AsArray().Cast<JsonObject>())
                {
                    lines.Add(Line(JsonFields.String(tl, "item_code")!, JsonFields.String(tl, "item_shortdescription")!, JsonFields.Double(tl, "qty_order"),
                        JsonFields.Double(tl, "unit_price"), recurring: true, recurringLineId: JsonFields.Int(tl, "id"), months));
                }

                // Some generated invoices pick up an ad-hoc charge, so an invoice can mix both kinds of line.
                if (_rng.NextDouble() < 0.1)
                {
                    lines.Add(Line("ADHOC", "Ad-hoc charge", 1, Money(20, 400), recurring: false, recurringLineId: 0, 0));
                }
            }
            else
            {
                var lineCount = 1 + _rng.Next(3);
                for (var l = 0; l < lineCount; l++)
                {
                    var code = oneOff[_rng.Next(oneOff.Length)];
                    lines.Add(Line(code, $"{code} work", 1 + _rng.Next(5), Money(50, 900), recurring: false, recurringLineId: 0, 0));
                }
            }

            var posted = _rng.NextDouble() < 0.9;
            var voided = _rng.NextDouble() < 0.05;
            var invoice = new JsonObject
            {
                ["is_recurring_invoice"] = false, ["recurring_invoice_id"] = template is null ? 0 : JsonFields.Int(template, "id"),
                ["invoice_date"] = Date(date), ["duedate"] = Date(date.AddDays(30)), ["schedule_date"] = HaloDates.Unset,
                ["dateposted"] = posted ? Date(date) : HaloDates.Unset, ["period_start_date"] = Date(date),
                ["period_end_date"] = Date(date.AddMonths(1).AddDays(-1)), ["startdate"] = HaloDates.Unset, ["enddate"] = HaloDates.Unset,
                ["posted"] = posted, ["voided"] = voided, ["lines"] = lines,
            };
            FillHeader(invoice, client);
            var id = _t.Add(SimEntityKind.Invoice, invoice);
            invoice["invoicenumber"] = $"INV-{id:D5}";
            foreach (var line in lines)
            {
                line!["id"] = _t.NextId("invoicedetail");
                line["ihid"] = id;
                line["recurring_invoice_id"] = template is null ? 0 : JsonFields.Int(template, "id");
            }

            // About 10% of invoices come from older tenants that do not return invoice_totals.
            Totals(invoice, JsonFields.Int(template ?? invoice, "period_type"), includeTotals: _rng.NextDouble() >= 0.1);
            var total = JsonFields.Double(invoice, "total");
            var paid = voided ? 0.0 : _rng.NextDouble() < 0.7 ? total : _rng.NextDouble() < 0.5 ? Math.Round(total / 2, 2) : 0.0;
            invoice["amountpaid"] = paid;
            invoice["amountdue"] = Math.Round(total - paid, 2);
            invoice["amount_remaining"] = Math.Round(total - paid, 2);
            invoice["paymentstatus"] = paid >= total ? 2 : paid > 0 ? 1 : 0;
            invoice["datepaid"] = paid >= total ? Date(InThePast(date.AddDays(_rng.Next(1, 40)), date)) : HaloDates.Unset;
        }
    }

    private JsonObject Line(string code, string description, double qty, double unit, bool recurring, int recurringLineId, int months)
    {
        var net = Math.Round(qty * unit, 2);
        var tax = Math.Round(net * TaxRate, 2);
        var monthly = recurring && months > 0 ? Math.Round((net + tax) / months, 2) : 0.0;
        return new JsonObject
        {
            ["item_code"] = code, ["item_shortdescription"] = description, ["item_longdescription"] = description,
            ["qty_order"] = qty, ["unit_price"] = unit, ["unit_cost"] = Math.Round(unit * 0.5, 2), ["net_amount"] = net,
            ["tax_amount"] = tax, ["tax_rate"] = TaxRate * 100, ["total_price"] = Math.Round(net + tax, 2), ["net_total"] = net,
            ["total_tax"] = tax, ["contract_id"] = 0, ["ticket_id"] = 0, ["asset_id"] = 0, ["recurring_invoice_line_id"] = recurringLineId,
            ["onetimecharge"] = !recurring, ["startdate"] = HaloDates.Unset, ["enddate"] = HaloDates.Unset, ["period_type"] = months,
            ["item_recurring"] = recurring, ["total_price_monthly"] = monthly, ["total_price_annual"] = Math.Round(monthly * 12, 2),
            ["total_price_yearone"] = recurring ? Math.Round(monthly * 12, 2) : Math.Round(net + tax, 2),
            ["line_totals"] = new JsonObject { ["netTotal"] = net, ["price"] = unit, ["costPrice"] = Math.Round(unit * 0.5, 2), ["profit"] = Math.Round(net * 0.5, 2), ["tax"] = tax, ["discount"] = 0.0 },
            ["nominalcode"] = "4000", ["taxcode"] = 1, ["sequence"] = 1,
        };
    }

    private static void FillHeader(JsonObject header, JsonObject client)
    {
        header["client_id"] = JsonFields.Int(client, "id");
        header["client_name"] = JsonFields.String(client, "name");
        header["sitenumber"] = JsonFields.Int(client, "main_site_id");
        header["site_name"] = JsonFields.String(client, "main_site_name");
        header["thirdpartyinvoicenumber"] = "";
        header["contract_id"] = 0;
        header["contract_ref"] = "";
        header["ticket_id"] = 0;
        header["salesorder_id"] = 0;
        header["typeid"] = 0;
        header["invoicetype"] = 0;
        header["date_created"] = header["invoice_date"]?.DeepClone();
        header["last_modified"] = header["invoice_date"]?.DeepClone();
        header["currency_code"] = 0;
        header["currency_conversion_rate"] = 1.0;
        header["credit_total"] = 0.0;
        header["notes"] = "";
        header["reference"] = "";
        header["emailstatus"] = 0;
        header["sent_status"] = 0;
    }

    /// <summary>Sets the header money fields and (optionally) <c>invoice_totals</c> from the lines, so they always agree.</summary>
    internal static void Totals(JsonObject header, int months, bool includeTotals)
    {
        var lines = header["lines"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        double net = 0, tax = 0, recurring = 0, recurringNet = 0, oneOff = 0, oneOffNet = 0, monthly = 0;
        foreach (var line in lines)
        {
            var lineNet = JsonFields.Double(line, "net_amount");
            var lineTax = JsonFields.Double(line, "tax_amount");
            net += lineNet;
            tax += lineTax;
            if (JsonFields.Bool(line, "item_recurring") || JsonFields.Int(line, "recurring_invoice_line_id") > 0)
            {
                recurring += lineNet + lineTax;
                recurringNet += lineNet;
                monthly += JsonFields.Double(line, "total_price_monthly");
            }
            else
            {
                oneOff += lineNet + lineTax;
                oneOffNet += lineNet;
            }
        }

        var total = Math.Round(net + tax, 2);
        header["total"] = total;
        header["tax_total"] = Math.Round(tax, 2);
        header["composite_tax_total"] = Math.Round(tax, 2);
        header["revenue"] = Math.Round(net, 2);
        var paid = JsonFields.Double(header, "amountpaid");
        header["amountpaid"] = paid;
        header["amountdue"] = Math.Round(total - paid, 2);
        if (!includeTotals)
        {
            header.Remove("invoice_totals");
            return;
        }

        _ = months;
        header["invoice_totals"] = new JsonObject
        {
            ["total"] = total, ["subTotal"] = Math.Round(net, 2), ["taxTotal"] = Math.Round(tax, 2), ["amountPaid"] = paid,
            ["amountDue"] = Math.Round(total - paid, 2), ["recurringTotal"] = Math.Round(recurring, 2),
            ["recurringSubTotal"] = Math.Round(recurringNet, 2), ["nonRecurringTotal"] = Math.Round(oneOff, 2),
            ["nonRecurringSubTotal"] = Math.Round(oneOffNet, 2), ["recurringMonthlyTotal"] = Math.Round(monthly, 2),
            ["recurringAnnualTotal"] = Math.Round(monthly * 12, 2), ["recurringWeeklyTotal"] = Math.Round(monthly * 12 / 52, 2),
            ["recurringQuarterlyTotal"] = Math.Round(monthly * 3, 2), ["recurringSixMonthlyTotal"] = Math.Round(monthly * 6, 2),
            ["recurringTwoYearlyTotal"] = Math.Round(monthly * 24, 2), ["recurringThreeYearlyTotal"] = Math.Round(monthly * 36, 2),
            ["recurringFourYearlyTotal"] = Math.Round(monthly * 48, 2), ["recurringFiveYearlyTotal"] = Math.Round(monthly * 60, 2),
            ["totalRecurringPeriodAmount"] = Math.Round(recurring, 2), ["optionalTotal"] = 0.0, ["nonOptionalTotal"] = total,
            ["cost"] = Math.Round(net * 0.5, 2), ["profit"] = Math.Round(net * 0.5, 2), ["discount"] = 0.0,
        };
    }

    private void Reports()
    {
        string[] names = ["Open tickets by client", "SLA compliance", "Time logged per agent", "Monthly revenue", "Recurring revenue by client", "Asset warranty expiry", "Tickets closed this month", "Unbilled time", "Top callers", "Overdue invoices"];
        for (var i = 0; i < _sizes.Reports; i++)
        {
            var name = i < names.Length ? names[i] : $"{names[i % names.Length]} ({i / names.Length + 1})";
            _t.Add(SimEntityKind.Report, new JsonObject
            {
                ["name"] = name, ["group_id"] = 1 + (i % 3), ["group_name"] = (i % 3) switch { 0 => "Service", 1 => "Finance", _ => "Assets" },
                ["description"] = $"{name} report", ["type"] = 0, ["mainentity"] = "Faults", ["charttype"] = 0,
                ["sql"] = "SELECT faultid, symptom FROM faults", ["publishedid"] = "", ["datecreated"] = Date(_anchor.AddDays(-_rng.Next(10, 900))),
                ["createdby"] = "Sam Bloggs", ["ispublished"] = false, ["guid"] = NewGuid(),
            });
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /// <summary>
    /// <paramref name="candidate"/> when it lies before the anchor, else a moment between <paramref name="after"/> and the
    /// anchor: seeded history never reaches into the future, and no extra random draw moves the rest of the data.
    /// </summary>
    private DateTime InThePast(DateTime candidate, DateTime after) =>
        candidate < _anchor ? candidate : after + ((_anchor - after) / 2);

    private string Name(SimEntityKind kind, int id) => JsonFields.String(_t.Find(kind, id)!, "name") ?? "";

    private JsonObject PriorityRow(int slaId, int priorityId) =>
        _t[SimEntityKind.Priority].Values.First(p => JsonFields.Int(p, "slaid") == slaId && JsonFields.Int(p, "priorityid") == priorityId);

    private JsonArray CustomFields() => new(
        new JsonObject { ["id"] = 101, ["name"] = "CFContractTier", ["label"] = "Contract tier", ["value"] = (1 + _rng.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["display"] = "Gold", ["type"] = 2, ["usage"] = 1 },
        new JsonObject { ["id"] = 102, ["name"] = "CFExternalRef", ["label"] = "External reference", ["value"] = $"EXT-{_rng.Next(10000, 99999)}", ["display"] = "", ["type"] = 0, ["usage"] = 1 },
        new JsonObject { ["id"] = 103, ["name"] = "CFOnboarded", ["label"] = "Onboarded", ["value"] = "1", ["display"] = "Yes", ["type"] = 4, ["usage"] = 1 },
        new JsonObject { ["id"] = 104, ["name"] = "CFNotes", ["label"] = "Internal notes", ["value"] = "Generated by HaloSim for payload-size realism.", ["display"] = "", ["type"] = 1, ["usage"] = 1 });

    private string NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new System.Guid(bytes).ToString();
    }

    private string Colour() => $"#{_rng.Next(0x1000000):x6}";

    private string Phone() => $"01{_rng.Next(100, 999)} {_rng.Next(100000, 999999)}";

    private double Money(int min, int max) => Math.Round(min + (_rng.NextDouble() * (max - min)), 2);

    private static string Date(DateTime utc) => HaloDates.Format(utc);
}
