package rules

// catalogFile is one catalog document as written: its definitions, each
// keeping where it was written, not yet cross-checked with other files.
type catalogFile struct {
	calendars   []*calendarDef
	tiers       []*tierDef
	rules       []*ruleDef
	migrations  []*migrationDef
	permissions []*permissionDef
}

// topKeys are the sections of a catalog document.
var topKeys = []string{"version", "calendars", "tiers", "rules", "migrations", "permissions"}

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
