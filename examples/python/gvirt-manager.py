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
# through its own widgets: it clicks Destroy, Start, Pause, Resume and Shut
# Down on the first domain, saves a screenshot of its window to FILE.png
# while the domain is paused, double-clicks Pause to provoke an error and
# closes the error dialog, prints what happened and quits.
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

    def _on_action(self, button, method):
        dom = self.selected_domain
        if dom is None:
            return

        def finished(dom, result):
            try:
                getattr(dom, f"{method}_finish")(result)
            except GLib.Error as e:
                self.show_error(f"Could not {method} “{dom.props.name}”", e.message)
        getattr(dom, f"{method}_async")(None, finished)

    def show_error(self, title, detail):
        dialog = Gtk.MessageDialog(transient_for=self, modal=True,
                                   message_type=Gtk.MessageType.ERROR,
                                   buttons=Gtk.ButtonsType.CLOSE, text=title,
                                   secondary_text=detail)
        dialog.connect("response", lambda d, r: d.destroy())
        dialog.present()


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
    """GVIRT_MANAGER_TEST: drives the window through its widgets, as a user would.

    It finds the buttons in the window's widget tree and clicks them
    (Destroy, Start, Pause, Resume, Shut Down), waiting each time for the
    domain's state to change; saves a screenshot once the domain is paused;
    and double-clicks Pause so that the second click fails, to check the
    error dialog, which it then closes with its own button."""

    TIMEOUT_MS = 5000

    def __init__(self, win, path):
        self.win, self.path = win, path
        self.view = find_widget(win, lambda w: isinstance(w, Gtk.ColumnView))
        self.selection = self.view.get_model()
        self.status = 0
        self.steps = [self.select_first,
                      self.click("Destroy", GVirt.DomainState.SHUTOFF),
                      self.click("Start", GVirt.DomainState.RUNNING),
                      self.click("Pause", GVirt.DomainState.PAUSED),
                      self.screenshot,
                      self.click("Resume", GVirt.DomainState.RUNNING),
                      self.double_click_pause,
                      self.close_dialog,
                      self.click("Resume", GVirt.DomainState.RUNNING),
                      self.click("Shut Down", GVirt.DomainState.SHUTOFF),
                      self.quit]
        GLib.timeout_add(300, self.next)

    def next(self, *args):
        self.steps.pop(0)()
        return GLib.SOURCE_REMOVE

    def fail(self, message):
        print(f"FAIL: {message}", flush=True)
        self.status = 1
        self.quit()

    def wait_until(self, what, condition, then):
        """Polls @condition until it holds, then calls @then after a short
        pause for the view to redraw; fails after TIMEOUT_MS."""
        waited = [0]

        def poll():
            if condition():
                GLib.timeout_add(100, then)
                return GLib.SOURCE_REMOVE
            waited[0] += 50
            if waited[0] >= self.TIMEOUT_MS:
                self.fail(f"timed out waiting for {what}")
                return GLib.SOURCE_REMOVE
            return GLib.SOURCE_CONTINUE
        GLib.timeout_add(50, poll)

    def domain(self):
        return self.selection.get_selected_item()

    def buttons(self):
        return find_widgets(self.win, lambda w: isinstance(w, Gtk.Button) and
                            w.get_label() is not None)

    def button(self, label):
        return next(b for b in self.buttons() if b.get_label() == label)

    def report(self):
        dom = self.domain()
        print(f"{dom.props.name}: {dom.props.state.value_nick}; buttons: " +
              ", ".join(b.get_label() for b in self.buttons() if b.get_sensitive()),
              flush=True)

    def select_first(self):
        self.selection.set_selected(0)
        print(f"rows: {self.selection.get_n_items()}", flush=True)
        self.report()
        GLib.idle_add(self.next)

    def press(self, label):
        button = self.button(label)
        if not button.get_sensitive():
            self.fail(f"{label} is not clickable")
            return False
        print(f"click {label}", flush=True)
        button.emit("clicked")
        return True

    def click(self, label, state):
        def step():
            if self.press(label):
                def done():
                    self.report()
                    self.next()
                self.wait_until(f"{self.domain().props.name} to be {state.value_nick}",
                                lambda: self.domain().props.state == state, done)
        return step

    def screenshot(self):
        save_screenshot(self.win, self.path)
        print(f"screenshot saved: {os.path.basename(self.path)}", flush=True)
        GLib.idle_add(self.next)

    def error_dialog(self):
        return next((w for w in Gtk.Window.list_toplevels()
                     if isinstance(w, Gtk.MessageDialog) and w.get_visible()), None)

    def double_click_pause(self):
        # Both clicks land before the first pause is reported, while the
        # button is still sensitive: the second finds the domain paused.
        if not (self.press("Pause") and self.press("Pause")):
            return

        def done():
            dialog = self.error_dialog()
            print(f"error dialog: {dialog.props.text}: {dialog.props.secondary_text}",
                  flush=True)
            self.report()
            self.next()
        self.wait_until("the error dialog",
                        lambda: self.error_dialog() is not None and
                        self.domain().props.state == GVirt.DomainState.PAUSED, done)

    def close_dialog(self):
        close = self.error_dialog().get_widget_for_response(Gtk.ResponseType.CLOSE)
        print(f"click {close.get_label().replace('_', '')} in the dialog", flush=True)
        close.emit("clicked")
        self.wait_until("the dialog to close", lambda: self.error_dialog() is None, self.next)

    def quit(self):
        self.win.get_application().quit()


def find_widgets(widget, match):
    """The widgets of @widget's tree, itself included, for which @match is true."""
    found = [widget] if match(widget) else []
    child = widget.get_first_child()
    while child is not None:
        found += find_widgets(child, match)
        child = child.get_next_sibling()
    return found


def find_widget(widget, match):
    return next(iter(find_widgets(widget, match)), None)


def main(argv):
    uri = argv[1] if len(argv) > 1 else "test:///default"
    app = Gtk.Application(application_id="org.gnome.GVirt.Manager",
                          flags=Gio.ApplicationFlags.NON_UNIQUE)

    drivers = []

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
            drivers.append(TestDriver(win, os.environ["GVIRT_MANAGER_TEST"]))
    app.connect("activate", activate)
    status = app.run([argv[0]])
    return status or max((d.status for d in drivers), default=0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
