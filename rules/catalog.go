package rules

type catalogFile struct {
	calendars   []*calendarDef
	tiers       []*tierDef
	rules       []*ruleDef
	migrations  []*migrationDef
	permissions []*permissionDef
}

var (
	topKeys        = []string{"version", "calendars", "tiers", "rules", "migrations", "permissions"}
	calendarKeys   = []string{"description", "zone", "hours", "holidays", "closed"}
	tierKeys       = []string{"name", "description", "aliases", "family", "legacy", "response", "languages", "channels", "services", "price", "source"}
	priceKeys      = []string{"currency", "minimum", "bands", "proration"}
	bandKeys       = []string{"upTo", "rate"}
	ruleKeys       = []string{"id", "description", "when", "tiers", "priorities", "within", "calendar"}
	migrationKeys  = []string{"description", "applies", "effective", "to", "holdPriceUntil", "grants", "keep"}
	grantKeys      = []string{"from", "until", "languages", "channels", "services"}
	featureKeys    = []string{"languages", "channels", "services"}
	permissionKeys = []string{"description", "allow"}
)

// parseFile reads one catalog document.
func (d *decoder) parseFile() *catalogFile {
	root := d.Document()
	if root == nil {
		return nil
	}
	cf := &catalogFile{}
	for _, f := range d.Mapping(root, "", topKeys) {
		switch f.Key {
		case "version":
			if v, ok := d.Scalar(f); ok && v != "1" {
				d.Fail(f.Value, f.Path, nil, "unsupported format version %q (want 1)", v)
			}
		case "calendars":
			cf.calendars = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseCalendar)
		case "tiers":
			cf.tiers = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseTier)
		case "rules":
			cf.rules = parseEach(d.List(f), d.parseRule)
		case "migrations":
			cf.migrations = parseEach(d.Mapping(f.Value, f.Path, nil), d.parseMigration)
		case "permissions":
			cf.permissions = parseEach(d.Mapping(f.Value, f.Path, nil), d.parsePermission)
		}
	}
	return cf
}
