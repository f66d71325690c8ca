// Entry point of the `demix` command line; the commands live in Commands/.
Console.WriteLine("demix: not yet implemented");
return 0;
