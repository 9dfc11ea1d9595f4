package org.hotline.app.screen;

import java.util.Map;

/**
 * Cuts the page's connection to the server like a network blip, and gives it back: every WebSocket the page
 * opens is remembered, and while the switch is off new ones go to a path nobody answers, so the screen's own
 * reconnect loop keeps failing until the switch is on again. Installed before any page script runs.
 */
final class SocketSwitch {
    private static final String INSTALL = """
            (() => {
              const Native = window.WebSocket;
              window.__sockets = [];
              window.__socketsOff = false;
              function Switched(url, protocols) {
                const socket = new Native(window.__socketsOff ? url + '-cut-by-test' : url, protocols);
                window.__sockets.push(socket);
                return socket;
              }
              Switched.prototype = Native.prototype;
              for (const name of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Switched[name] = Native[name];
              window.WebSocket = Switched;
            })();""";

    private SocketSwitch() {
    }

    /** Installs the switch in every page the browser opens from now on. */
    static void install(Browser browser) {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", INSTALL));
    }

    /** Drops the connection and keeps it down. */
    static void cut(Browser browser) {
        browser.driver.executeScript("window.__socketsOff = true; window.__sockets.forEach((s) => s.close());");
    }

    /** Lets the screen's next reconnect attempt through. */
    static void restore(Browser browser) {
        browser.driver.executeScript("window.__socketsOff = false;");
    }
}
