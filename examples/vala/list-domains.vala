/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Lists the domains of a node in Vala, through the generated gvirt-1.0 VAPI. */

int main (string[] args) {
    var uri = args.length > 1 ? args[1] : "test:///default";
    try {
        var conn = GVirt.Connection.open_sync (uri, GVirt.ConnectionFlags.READ_ONLY);
        var domains = conn.get_domains ();
        print (" %-4s %-20s %s\n", "Id", "Name", "State");
        print ("-----------------------------------------\n");
        for (uint i = 0; i < domains.get_n_items (); i++) {
            var dom = (GVirt.Domain) domains.get_item (i);
            var id = dom.id >= 0 ? dom.id.to_string () : "-";
            print (" %-4s %-20s %s\n", id, dom.name, nick (dom.state));
        }
    } catch (Error e) {
        printerr ("error: %s\n", e.message);
        return 1;
    }
    return 0;
}

string nick (GVirt.DomainState state) {
    var klass = (EnumClass) typeof (GVirt.DomainState).class_ref ();
    return klass.get_value (state).value_nick;
}
