#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# A small GTK 4 virtual machine manager: `gvirt-manager.py [URI]`.
#
# The Gtk.ColumnView is bound directly to conn.get_domains(), a live
# Gio.ListModel of GVirt.Domain: rows come and go, and the State column
# follows notify::state, whoever changes the node. The buttons call the
# async API, so the window never blocks; failures show in a dialog.
#
# Test hook: with GVIRT_MANAGER_TEST=FILE.png set, the app drives itself
# (destroy, start, pause the first domain, through the buttons), saves a
# screenshot of its window to FILE.png, provokes an error (pause a paused
# domain) to check the dialog, prints what happened and quits.
import os
import sys

import gi
gi.require_version("GVirt", "1.0")
gi.require_version("Gtk", "4.0")
gi.require_version("Graphene", "1.0")
from gi.repository import Gio, GLib, GObject, Graphene, Gtk, GVirt

ACTIONS = [
    # (button label, method, states it is allowed in)
    ("Start", "start", {GVirt.DomainState.SHUTOFF, GVirt.DomainState.CRASHED}),
    ("Pause", "suspend", {GVirt.DomainState.RUNNING, GVirt.DomainState.BLOCKED}),
    ("Resume", "resume", {GVirt.DomainState.PAUSED}),
    ("Shut Down", "shutdown", {GVirt.DomainState.RUNNING, GVirt.DomainState.BLOCKED}),
    ("Destroy", "destroy", {GVirt.DomainState.RUNNING, GVirt.DomainState.BLOCKED,
                            GVirt.DomainState.PAUSED, GVirt.DomainState.CRASHED}),
]


def state_label(state):
    return state.value_nick.replace("shutoff", "shut off").capitalize()


class ManagerWindow(Gtk.ApplicationWindow):
    def __init__(self, app, conn):
        super().__init__(application=app, title=f"GVirt — {conn.props.uri}")
        self.set_default_size(560, 320)
        self.set_titlebar(Gtk.HeaderBar())
        self.conn = conn
        self.selected_handler = 0
        self.selected_domain = None

        # Bind the view straight to the connection's live model.
        self.selection = Gtk.SingleSelection(model=conn.get_domains())
        self.selection.connect("notify::selected-item", self._on_selection_changed)
        view = Gtk.ColumnView(model=self.selection, show_row_separators=True)
        view.append_column(self._column("Name", lambda d: d.props.name, expand=True))
        view.append_column(self._column("Id", lambda d: str(d.props.id) if d.props.id >= 0 else "–",
                                        notify="id"))
        view.append_column(self._column("State", lambda d: state_label(d.props.state),
                                        notify="state"))

        scrolled = Gtk.ScrolledWindow(child=view, vexpand=True)
        box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=12,
                      margin_top=12, margin_bottom=12, margin_start=12, margin_end=12)
        box.append(scrolled)

        self.buttons = {}
        bar = Gtk.Box(spacing=6, halign=Gtk.Align.END)
        for label, method, _ in ACTIONS:
            button = Gtk.Button(label=label)
            button.connect("clicked", self._on_action, method)
            if method == "destroy":
                button.add_css_class("destructive-action")
            bar.append(button)
            self.buttons[method] = button
        box.append(bar)
        self.set_child(box)
        self._on_selection_changed()

    def _column(self, title, text_of, notify=None, expand=False):
        factory = Gtk.SignalListItemFactory()

        def setup(factory, item):
            item.set_child(Gtk.Label(xalign=0))

        def update(dom, pspec, label):
            label.set_text(text_of(dom))

        def bind(factory, item):
            dom, label = item.get_item(), item.get_child()
            label.set_text(text_of(dom))
            if notify:
                # Live: follow the domain's property while the row shows it.
                item.handler = dom.connect(f"notify::{notify}", update, label)

        def unbind(factory, item):
            if notify and getattr(item, "handler", 0):
                item.get_item().disconnect(item.handler)
                item.handler = 0

        factory.connect("setup", setup)
        factory.connect("bind", bind)
        factory.connect("unbind", unbind)
        return Gtk.ColumnViewColumn(title=title, factory=factory, expand=expand)

    def _on_selection_changed(self, *args):
        if self.selected_domain is not None:
            self.selected_domain.disconnect(self.selected_handler)
        self.selected_domain = self.selection.get_selected_item()
        if self.selected_domain is not None:
            self.selected_handler = self.selected_domain.connect(
                "notify::state", lambda *a: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self):
        dom = self.selected_domain
        for _, method, states in ACTIONS:
            self.buttons[method].set_sensitive(dom is not None and dom.props.state in states)

    def _on_action(self, button, method, done=None):
        dom = self.selected_domain
        if dom is None:
            return

        def finished(dom, result):
            try:
                getattr(dom, f"{method}_finish")(result)
            except GLib.Error as e:
                self.show_error(f"Could not {method} “{dom.props.name}”", e.message)
                if done:
                    done(e)
                return
            if done:
                done(None)
        getattr(dom, f"{method}_async")(None, finished)

    def show_error(self, title, detail):
        dialog = Gtk.MessageDialog(transient_for=self, modal=True,
                                   message_type=Gtk.MessageType.ERROR,
                                   buttons=Gtk.ButtonsType.CLOSE, text=title,
                                   secondary_text=detail)
        dialog.connect("response", lambda d, r: d.destroy())
        dialog.present()
        self.last_dialog = dialog


def save_screenshot(widget, path):
    """Renders @widget, as shown, into a PNG file.

    PyGObject (3.42) cannot hold a Gsk.RenderNode, so the node from the
    snapshot goes to the renderer through ctypes, never into Python."""
    import ctypes

    gtk = ctypes.CDLL("libgtk-4.so.1")
    gtk.gtk_snapshot_to_node.restype = ctypes.c_void_p
    gtk.gtk_snapshot_to_node.argtypes = [ctypes.c_void_p]
    gtk.gsk_renderer_render_texture.restype = ctypes.c_void_p
    gtk.gsk_renderer_render_texture.argtypes = [ctypes.c_void_p, ctypes.c_void_p,
                                                ctypes.POINTER(ctypes.c_float * 4)]
    gtk.gdk_texture_save_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    gtk.gsk_render_node_unref.argtypes = [ctypes.c_void_p]
    gtk.g_object_unref.argtypes = [ctypes.c_void_p]
    capsule = ctypes.pythonapi.PyCapsule_GetPointer
    capsule.restype = ctypes.c_void_p
    capsule.argtypes = [ctypes.py_object, ctypes.c_char_p]

    def pointer(obj):
        return capsule(obj.__gpointer__, None)

    width, height = widget.get_width(), widget.get_height()
    snapshot = Gtk.Snapshot()
    # The window's own background, so the PNG is not transparent.
    found, color = widget.get_style_context().lookup_color("theme_bg_color")
    if found:
        snapshot.append_color(color, Graphene.Rect().init(0, 0, width, height))
    Gtk.WidgetPaintable.new(widget).snapshot(snapshot, width, height)
    node = gtk.gtk_snapshot_to_node(pointer(snapshot))
    bounds = (ctypes.c_float * 4)(0, 0, width, height)
    texture = gtk.gsk_renderer_render_texture(pointer(widget.get_native().get_renderer()),
                                              node, ctypes.byref(bounds))
    ok = gtk.gdk_texture_save_to_png(texture, os.fsencode(path))
    gtk.g_object_unref(texture)
    gtk.gsk_render_node_unref(node)
    if not ok:
        raise OSError(f"could not write {path}")


class TestDriver:
    """GVIRT_MANAGER_TEST: clicks through destroy, start and pause, saves a screenshot."""

    def __init__(self, win, path):
        self.win, self.path = win, path
        self.steps = [self.select_first, self.click("destroy"), self.click("start"),
                      self.click("suspend"), self.screenshot, self.provoke_error,
                      self.quit]
        GLib.timeout_add(300, self.next)

    def next(self, *args):
        step = self.steps.pop(0)
        step()
        return GLib.SOURCE_REMOVE

    def report(self):
        dom = self.win.selected_domain
        print(f"{dom.props.name}: {dom.props.state.value_nick}; buttons: " +
              " ".join(m for m, b in self.win.buttons.items() if b.get_sensitive()), flush=True)

    def select_first(self):
        self.win.selection.set_selected(0)
        print(f"rows: {self.win.selection.get_n_items()}", flush=True)
        self.report()
        GLib.idle_add(self.next)

    def click(self, method):
        def step():
            button = self.win.buttons[method]
            print(f"click {button.get_label()}", flush=True)

            def done(error):
                self.report()
                # Let the view redraw before the next step.
                GLib.timeout_add(100, self.next)
            self.win._on_action(button, method, done)
        return step

    def screenshot(self):
        save_screenshot(self.win, self.path)
        print(f"screenshot saved: {os.path.basename(self.path)}", flush=True)
        GLib.idle_add(self.next)

    def provoke_error(self):
        print("click Pause on a paused domain", flush=True)

        def done(error):
            dialog = getattr(self.win, "last_dialog", None)
            print(f"error dialog: {dialog.props.text if dialog else None}: "
                  f"{error.message if error else None}", flush=True)
            GLib.timeout_add(100, self.next)
        self.win._on_action(None, "suspend", done)

    def quit(self):
        self.win.get_application().quit()


def main(argv):
    uri = argv[1] if len(argv) > 1 else "test:///default"
    app = Gtk.Application(application_id="org.gnome.GVirt.Manager",
                          flags=Gio.ApplicationFlags.NON_UNIQUE)

    def activate(app):
        try:
            conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
        except GLib.Error as e:
            print("error:", e.message, file=sys.stderr)
            app.quit()
            return
        win = ManagerWindow(app, conn)
        win.present()
        if os.environ.get("GVIRT_MANAGER_TEST"):
            TestDriver(win, os.environ["GVIRT_MANAGER_TEST"])
    app.connect("activate", activate)
    return app.run([argv[0]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
