package dev.mgmt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a run asks Jansi for the Windows console (the streams themselves need a Windows machine). */
class WindowsConsoleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Windows 11 | ''  | get projects                 | true",
        "Windows 10 | ''  | --color=always get projects  | true",
        "windows server 2022 | '' | get projects         | true",
        "Linux      | ''  | get projects                 | false",
        "Mac OS X   | ''  | --color=always get projects  | false",
        "Windows 11 | 1   | get projects                 | false",
        "Windows 11 | ''  | --color=never get projects   | false",
        "Windows 11 | ''  | --color NEVER get projects   | false",
        "Windows 11 | ''  | --color auto get projects    | true",
        "Windows 11 | ''  | api -- --color=never         | true",
    })
    void asks_jansi_only_on_windows_when_colour_may_be_used(String os, String noColor, String args, boolean wanted) {
        Map<String, String> env = noColor.isEmpty() ? Map.of("NO_COLOR", "") : Map.of("NO_COLOR", noColor);
        assertEquals(wanted, WindowsConsole.wanted(os, env, args.split(" ")), os + " / " + noColor + " / " + args);
    }
}
