package rules

import "go.yaml.in/yaml/v3"

// catalogFile holds the definitions of catalog documents as written, in
// order, each keeping where it was written, not yet cross-checked.
type catalogFile struct {
	calendars   []*calendarDef
	tiers       []*tierDef
	rules       []*ruleDef
	migrations  []*migrationDef
	permissions []*permissionDef
	billing     []billingDef
	lifecycle   []*lifecycleDef
	metrics     metricSet // the built-in metrics and those the first lifecycle section declares
	priorities  []priorityDef
}

// topKeys are the sections of a catalog document.
var topKeys = []string{"version", "calendars", "tiers", "rules", "migrations", "permissions", "billing", "lifecycle", "priorities"}

// parseLifecycleSection reads the lifecycle section of the catalog
// document root, if any, into cf: it declares the metrics that the other
// sections of every file may name.
func (d *decoder) parseLifecycleSection(root *yaml.Node, cf *catalogFile) {
	if root == nil {
		return
	}
	for _, f := range d.Mapping(root, "", topKeys) {
		if f.Key == "lifecycle" {
			cf.lifecycle = parseEach(cf.lifecycle, []field{f}, d.parseLifecycle)
		}
	}
}

// parseFile reads the catalog document root, but for its lifecycle
// section (parseLifecycleSection), and appends its definitions to cf,
// which gathers those of every file in order.
func (d *decoder) parseFile(root *yaml.Node, cf *catalogFile) {
	if root == nil {
		return
	}
	for _, f := range d.Mapping(root, "", topKeys) {
		switch f.Key {
		case "version":
			if v, ok := d.Scalar(f); ok && v != "1" {
				d.Fail(f.Value, f.Path, nil, "unsupported format version %q (want 1)", v)
			}
		case "calendars":
			cf.calendars = parseEach(cf.calendars, d.Mapping(f.Value, f.Path, nil), d.parseCalendar)
		case "tiers":
			cf.tiers = parseEach(cf.tiers, d.Mapping(f.Value, f.Path, nil), d.parseTier)
		case "rules":
			cf.rules = parseEach(cf.rules, d.List(f), d.parseRule)
		case "migrations":
			cf.migrations = parseEach(cf.migrations, d.Mapping(f.Value, f.Path, nil), d.parseMigration)
		case "permissions":
			cf.permissions = parseEach(cf.permissions, d.Mapping(f.Value, f.Path, nil), d.parsePermission)
		case "billing":
			d.parseBilling(f, cf)
		case "priorities":
			d.parsePriorities(f, cf)
		}
	}
}
