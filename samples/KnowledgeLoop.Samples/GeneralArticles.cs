using System.Globalization;

namespace KnowledgeLoop.Samples;

/// <summary>Evergreen help-center articles that no planted topic is about: the background every real knowledge base has.</summary>
internal static class GeneralArticles
{
    public static IReadOnlyList<ArticleSpec> Build() =>
    [
        A("KB-2001", "Getting started with Ledgerly", "Getting started", ["onboarding", "setup"], "2024-11-04", "2026-01-12",
            "Set up your company, connect your bank and send your first invoice in about twenty minutes.",
            ["Add your company details and logo under Settings > Company.", "Connect your business bank account under Banking.", "Add your first customer and product.", "Create and send your first invoice."]),
        A("KB-2002", "Set up your company profile", "Getting started", ["onboarding", "company"], "2024-11-04", "2025-08-30",
            "Your company profile feeds invoices, reports and tax settings.",
            ["Go to Settings > Company.", "Enter legal name, address, registration and tax numbers.", "Pick your base currency and financial year start; the base currency cannot be changed later."]),
        A("KB-2003", "Chart of accounts basics", "Accounting", ["accounting", "chart-of-accounts"], "2024-12-02", "2025-10-21",
            "The chart of accounts lists the categories every transaction is recorded in.",
            ["Open Accounting > Chart of accounts.", "Add accounts with a code, name and type.", "Archive accounts you no longer use instead of deleting them."]),
        A("KB-2004", "Products and services", "Invoicing", ["invoices", "items"], "2025-01-08", "2025-09-17",
            "Save the things you sell as items so invoices fill in prices, accounts and tax automatically.",
            ["Go to Sales > Products and services > New item.", "Set the sale price, income account and tax rate.", "Track inventory for physical goods if you need stock levels."]),
        A("KB-2005", "Quotes and estimates", "Invoicing", ["quotes", "estimates"], "2025-01-22", "2025-12-09",
            "Send a quote, get it accepted online and turn it into an invoice in one click.",
            ["Go to Sales > Quotes > New quote.", "Send it; the customer can accept online.", "Choose Convert to invoice once accepted."]),
        A("KB-2006", "Record and approve bills", "Expenses", ["bills", "payables"], "2025-02-03", "2026-02-11",
            "Bills are what you owe suppliers. Record them, approve them and schedule payment.",
            ["Go to Purchases > Bills > New bill or forward a PDF to your bills inbox address.", "Check supplier, dates and lines.", "Approve, then schedule the payment."]),
        A("KB-2007", "Expense categories and claims", "Expenses", ["expenses", "claims"], "2025-02-17", "2025-11-27",
            "Staff expense claims are reviewed and reimbursed from the Expenses area.",
            ["Staff submit claims under Expenses > New claim.", "Approvers review and approve or decline.", "Approved claims are paid in the next reimbursement run."]),
        A("KB-2008", "Track time and bill for it", "Projects", ["projects", "time-tracking"], "2025-03-12", "2025-10-14",
            "Log hours against projects and turn them into invoice lines.",
            ["Start a timer or add a time entry under Projects.", "Mark entries billable.", "Choose Invoice time on the project to bill unbilled hours."]),
        A("KB-2009", "Projects and job costing", "Projects", ["projects", "reports"], "2025-03-12", "2026-01-30",
            "Projects collect income, costs and time so you can see profitability per job.",
            ["Create a project under Projects > New.", "Assign invoices, bills and time entries to it.", "Open the project's Profitability tab."]),
        A("KB-2010", "Understand your dashboard", "Reports", ["dashboard", "reports"], "2025-04-07", "2025-12-18",
            "The dashboard summarizes cash, receivables and payables at a glance; figures are on a cash basis.",
            ["Cash position comes from your connected bank accounts.", "Receivables show invoices due and overdue.", "Choose any tile to open the detailed report."]),
        A("KB-2011", "Close your financial year", "Accounting", ["accounting", "year-end"], "2025-05-12", "2026-01-06",
            "At year end, lock the period so nobody changes figures your accountant has filed.",
            ["Reconcile every bank account to the last day of the year.", "Review the trial balance with your accountant.", "Set a lock date under Settings > Financial settings."]),
        A("KB-2012", "Keyboard shortcuts", "Getting started", ["productivity"], "2025-05-30", "2025-05-30",
            "Press ? anywhere to see the list of shortcuts.",
            ["N then I: new invoice.", "N then B: new bill.", "G then R: go to reconcile.", "/: search."]),
        A("KB-2013", "Release notes: spring and summer 2026", "Release notes", ["release-notes"], "2026-03-31", "2026-07-15",
            "What changed in Ledgerly this season.",
            ["New: bulk actions on the reconcile screen.", "New: UBL XML export for invoices (beta).", "Improved: faster report loading.", "Fixed: reminders not respecting the contact's language."]),
        A("KB-2014", "Security and data protection", "Account and security", ["security", "privacy"], "2024-10-20", "2026-02-05",
            "How Ledgerly protects your data: encryption, backups and access controls.",
            ["Data is encrypted in transit and at rest.", "Backups run every hour and are kept for 30 days.", "Turn on two-factor authentication for every user."]),
        A("KB-2015", "Supported browsers and devices", "Getting started", ["browsers", "mobile"], "2024-10-20", "2026-03-10",
            "Ledgerly supports the latest two versions of Chrome, Edge, Firefox and Safari, and the mobile app on iOS 17+ and Android 12+.",
            ["Keep your browser updated.", "Allow cookies for ledgerly.example.com.", "Disable extensions that block scripts if pages don't load."]),
        A("KB-2016", "Contact support", "Getting started", ["support"], "2024-10-20", "2026-04-01",
            "Our team answers by chat and email on business days; phone support is on Business plans.",
            ["Use the chat bubble in the app for quick questions.", "Email support@ledgerly.example.com with screenshots for anything complex.", "Business plans can call the number shown under Help."]),
    ];

    private static ArticleSpec A(string id, string title, string section, string[] tags, string created, string updated, string intro, string[] steps) => new()
    {
        Id = id,
        Title = title,
        Section = section,
        Tags = tags,
        CreatedAt = DateOnly.Parse(created, CultureInfo.InvariantCulture),
        UpdatedAt = DateOnly.Parse(updated, CultureInfo.InvariantCulture),
        Intro = intro,
        Steps = steps,
    };
}
