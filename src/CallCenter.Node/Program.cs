using CallCenter.Node;

return await NodeProgram.RunAsync(args);
